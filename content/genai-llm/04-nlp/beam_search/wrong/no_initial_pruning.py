"""The search starts from the top beam_width first tokens, not from all of them: prune to beam_width before the first expansion too, with the same rule (highest score, ties to the smaller token)."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    beams = [([t], float(initial_logprobs[t])) for t in range(V)]
    if length == 1:
        beams = sorted(beams, key=lambda b: (-b[1], b[0]))
    for _ in range(length - 1):
        cands = [
            (seq + [t], score + float(transition_logprobs[seq[-1], t]))
            for seq, score in beams
            for t in range(V)
        ]
        beams = sorted(cands, key=lambda b: (-b[1], b[0]))[:beam_width]
    return beams[0]
