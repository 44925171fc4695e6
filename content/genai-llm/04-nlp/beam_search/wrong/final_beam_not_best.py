"""After the last step, return the beam with the highest score (ties: the smaller sequence), not simply the first beam in whatever order you store them: the cut keeps the best beam_width, but it does not put the best one first unless you sort."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    top = np.sort(np.argsort(-initial_logprobs, kind="stable")[:beam_width])
    seqs = top[:, None]
    scores = initial_logprobs[top]
    for _ in range(length - 1):
        flat = (scores[:, None] + transition_logprobs[seqs[:, -1], :]).ravel()
        keep = np.sort(np.argsort(-flat, kind="stable")[:beam_width])  # back to lexicographic order
        seqs = np.hstack([seqs[keep // V], (keep % V)[:, None]])
        scores = flat[keep]
    best = 0
    return seqs[best].tolist(), scores[best]
