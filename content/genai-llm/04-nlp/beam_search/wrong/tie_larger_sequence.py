"""Ties go to the lexicographically SMALLER sequence. Sorting by (score, sequence) with reverse=True reverses both keys, so among equal scores it prefers the larger sequence; negate the score instead and sort ascending by (-score, sequence)."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    beams = [([t], float(initial_logprobs[t])) for t in range(V)]
    beams = sorted(beams, key=lambda b: (b[1], b[0]), reverse=True)[:beam_width]
    for _ in range(length - 1):
        cands = [
            (seq + [t], score + float(transition_logprobs[seq[-1], t]))
            for seq, score in beams
            for t in range(V)
        ]
        beams = sorted(cands, key=lambda b: (b[1], b[0]), reverse=True)[:beam_width]
    return beams[0]
