"""Zeroing blocked weights after the softmax and renormalising is right on paper, but when a blocked key's score is far above the allowed ones, every allowed weight underflows to 0 first and you divide 0 by 0. Mask the scores before the softmax, so blocked keys never take part in it."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    weights = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1]), dim=-1)
    if mask is not None:
        weights = weights * mask
        weights = weights / weights.sum(dim=-1, keepdim=True)
    return weights @ v
