"""The scores must be divided by sqrt(d), where d is the query/key width (the last dimension of q). Without it the dot products grow with d and the softmax becomes too peaked."""
import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
