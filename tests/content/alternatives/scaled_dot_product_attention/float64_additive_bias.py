import math

import torch
import torch.nn.functional as F


def scaled_dot_product_attention(q, k, v, mask=None):
    q64, k64, v64 = q.double(), k.double(), v.double()
    scores = q64 @ k64.mT / math.sqrt(q.shape[-1])
    if mask is not None:
        bias = torch.zeros(mask.shape, dtype=torch.float64)
        bias = bias.masked_fill(mask.logical_not(), -1e9)
        scores = scores + bias
    out = F.softmax(scores, dim=-1) @ v64
    return out.to(q.dtype)
