"""Vectorised: all candidates as a (beams * V, t) token matrix, ranked with np.lexsort."""

import numpy as np


def _rank(tokens, scores, k):
    # lexsort sorts by the LAST key first: score (descending), then token columns left to right.
    keys = [tokens[:, j] for j in reversed(range(tokens.shape[1]))] + [-scores]
    order = np.lexsort(keys)[:k]
    return tokens[order], scores[order]


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = initial_logprobs.shape[0]
    tokens, scores = _rank(np.arange(V)[:, None], initial_logprobs.astype(float), beam_width)
    for _ in range(length - 1):
        cand_scores = (scores[:, None] + transition_logprobs[tokens[:, -1]]).reshape(-1)
        cand_tokens = np.concatenate(
            [np.repeat(tokens, V, axis=0), np.tile(np.arange(V), len(tokens))[:, None]], axis=1
        )
        tokens, scores = _rank(cand_tokens, cand_scores, beam_width)
    return [int(t) for t in tokens[0]], float(scores[0])
