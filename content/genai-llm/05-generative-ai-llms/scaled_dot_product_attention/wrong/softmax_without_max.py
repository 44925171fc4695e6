"""exp() of a large score overflows float32 to inf, and inf/inf is NaN. Subtract each row's maximum score before exponentiating (or use torch.softmax, which does it for you)."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    e = torch.exp(scores)
    if mask is not None:
        e = e * mask
    return (e / e.sum(dim=-1, keepdim=True)) @ v
