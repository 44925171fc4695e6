"""Multiplying the scores by the mask sets blocked scores to 0, and exp(0) = 1 still gives those keys weight. A blocked key needs a score of -inf (or a huge negative number) so that softmax gives it exactly 0."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores * mask
    return torch.softmax(scores, dim=-1) @ v
