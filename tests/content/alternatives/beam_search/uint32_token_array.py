import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    # The best sequence comes back as a 1-D np.uint32 array: learners return arrays naturally.
    beams = sorted(
        ((np.array([t], dtype=np.uint32), float(s)) for t, s in enumerate(initial_logprobs)),
        key=lambda b: (-b[1], b[0].tolist()),
    )[:beam_width]
    for _ in range(length - 1):
        candidates = [
            (np.append(seq, np.uint32(t)), score + float(transition_logprobs[seq[-1], t]))
            for seq, score in beams
            for t in range(len(initial_logprobs))
        ]
        beams = sorted(candidates, key=lambda b: (-b[1], b[0].tolist()))[:beam_width]
    return beams[0][0], beams[0][1]
