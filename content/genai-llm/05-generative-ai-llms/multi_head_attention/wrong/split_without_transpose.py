"""Reshaping (B, L, D) straight to (B, H, L, dh) does not split the columns into heads: it regroups the elements in memory order, so a 'head' gets pieces of several positions. Reshape to (B, L, H, dh) first, then swap the L and H axes."""
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, causal=False):
    B, L, D = x.shape
    dh = D // num_heads
    q = (x @ w_q).reshape(B, num_heads, L, dh)
    k = (x @ w_k).reshape(B, num_heads, L, dh)
    v = (x @ w_v).reshape(B, num_heads, L, dh)
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)
    if causal:
        scores = scores.masked_fill(~torch.ones(L, L, dtype=torch.bool).tril(), float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    return out.transpose(1, 2).reshape(B, L, D) @ w_o
