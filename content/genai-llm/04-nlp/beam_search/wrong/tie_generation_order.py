"""Equal scores must be broken by the sequences themselves: the lexicographically smaller sequence wins. Sorting by score alone keeps equal candidates in the order you generated them, which depends on how the beams happened to be ordered. Sort by (-score, sequence)."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    beams = [([t], float(initial_logprobs[t])) for t in range(V)]
    beams = sorted(beams, key=lambda b: -b[1])[:beam_width]
    for _ in range(length - 1):
        cands = [
            (seq + [t], score + float(transition_logprobs[seq[-1], t]))
            for seq, score in beams
            for t in range(V)
        ]
        beams = sorted(cands, key=lambda b: -b[1])[:beam_width]
    return beams[0]
