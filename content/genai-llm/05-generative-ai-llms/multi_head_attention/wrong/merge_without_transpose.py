"""Undo the head split the way you made it: the heads' outputs are (B, H, L, dh), and a plain reshape to (B, L, D) mixes positions. Move the head axis back next to dh first, so that each position's heads are concatenated in order."""
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, causal=False):
    B, L, D = x.shape
    dh = D // num_heads
    q = (x @ w_q).reshape(B, L, num_heads, dh).transpose(1, 2)
    k = (x @ w_k).reshape(B, L, num_heads, dh).transpose(1, 2)
    v = (x @ w_v).reshape(B, L, num_heads, dh).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)
    if causal:
        scores = scores.masked_fill(~torch.ones(L, L, dtype=torch.bool).tril(), float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    return out.reshape(B, L, D) @ w_o
