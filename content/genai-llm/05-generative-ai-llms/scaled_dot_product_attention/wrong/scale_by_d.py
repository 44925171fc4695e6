"""The scale is 1/sqrt(d), not 1/d: dividing by sqrt(d) keeps the variance of a dot product of d unit-variance entries at about 1."""
import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / q.shape[-1]
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
