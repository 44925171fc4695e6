"""Beams are kept in lexicographic order, so the flattened (beam, token) index order IS the
lexicographic order of the candidates: a stable argsort on -score then breaks ties right."""

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
    best = np.argsort(-scores, kind="stable")[0]
    return seqs[best].tolist(), scores[best]
