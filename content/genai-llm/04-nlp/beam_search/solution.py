import numpy as np


def beam_search(
    initial_logprobs: np.ndarray, transition_logprobs: np.ndarray, length: int, beam_width: int
) -> tuple[list[int], float]:
    vocab = len(initial_logprobs)

    def keep_best(candidates):
        # Highest score first; equal scores: the lexicographically smaller sequence first.
        return sorted(candidates, key=lambda c: (-c[1], c[0]))[:beam_width]

    beams = keep_best([([token], float(initial_logprobs[token])) for token in range(vocab)])
    for _ in range(length - 1):
        candidates = [
            (sequence + [token], score + float(transition_logprobs[sequence[-1], token]))
            for sequence, score in beams
            for token in range(vocab)
        ]
        beams = keep_best(candidates)
    best_sequence, best_score = beams[0]
    return best_sequence, best_score
