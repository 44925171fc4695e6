import numpy as np


def beam_search(
    initial_logprobs: np.ndarray, transition_logprobs: np.ndarray, length: int, beam_width: int
) -> tuple[list[int], float]:
    """Beam search over a first-order Markov model.

    initial_logprobs (V,): log P(first token); transition_logprobs (V, V): row a holds
    log P(next token | previous token a). The score of a sequence is the sum of its
    log-probabilities. Keep the best `beam_width` partial sequences at every step
    (ties: the lexicographically smaller sequence) and return the best sequence of
    exactly `length` tokens together with its score, as (list of ints, float).
    """
    raise NotImplementedError("implement beam_search")
