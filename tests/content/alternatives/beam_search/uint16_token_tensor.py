import numpy as np
import torch


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    # The best sequence as a 1-D torch.uint16 tensor and the score as a 0-d float64 array.
    vocab = len(initial_logprobs)
    beams = [((t,), float(initial_logprobs[t])) for t in range(vocab)]
    beams = sorted(beams, key=lambda b: (-b[1], b[0]))[:beam_width]
    for _ in range(length - 1):
        beams = sorted(
            (
                (seq + (t,), score + float(transition_logprobs[seq[-1], t]))
                for seq, score in beams
                for t in range(vocab)
            ),
            key=lambda b: (-b[1], b[0]),
        )[:beam_width]
    sequence, score = beams[0]
    return torch.tensor(sequence, dtype=torch.uint16), np.array(score)
