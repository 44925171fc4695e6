import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    # Tokens as np.uint16 scalars in a list (and a np.float64 score): any numpy scalar counts.
    def best(candidates):
        return sorted(candidates, key=lambda b: (-b[1], [int(t) for t in b[0]]))[:beam_width]

    vocab = len(initial_logprobs)
    beams = best([([np.uint16(t)], initial_logprobs[t]) for t in range(vocab)])
    for _ in range(length - 1):
        beams = best(
            [
                (seq + [np.uint16(t)], score + transition_logprobs[int(seq[-1]), t])
                for seq, score in beams
                for t in range(vocab)
            ]
        )
    return beams[0]
