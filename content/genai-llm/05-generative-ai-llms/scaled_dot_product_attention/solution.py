import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    """softmax(q @ k^T / sqrt(d)) @ v, with blocked keys (mask False) given weight 0."""
    d = q.shape[-1]
    scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(d)
    if mask is not None:
        # -inf becomes exactly 0 after softmax; masked_fill broadcasts the mask.
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return torch.matmul(weights, v)
