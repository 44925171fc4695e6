"""Boolean indexing (scores[~mask] = ...) needs a mask of exactly the scores' shape, but the mask only has to be broadcastable to it (for example (Lq, Lk) for every batch and head, or (B, 1, 1, Lk)). Use an operation that broadcasts, such as masked_fill or torch.where."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores[~mask] = float("-inf")
    return torch.softmax(scores, dim=-1) @ v
