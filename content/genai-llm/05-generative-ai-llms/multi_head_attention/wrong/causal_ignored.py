"""With causal=True, position i may only attend to positions 0..i: later positions must get weight 0, otherwise the future leaks into the past."""
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, causal=False):
    B, L, D = x.shape
    dh = D // num_heads
    q = (x @ w_q).reshape(B, L, num_heads, dh).transpose(1, 2)
    k = (x @ w_k).reshape(B, L, num_heads, dh).transpose(1, 2)
    v = (x @ w_v).reshape(B, L, num_heads, dh).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)
    out = torch.softmax(scores, dim=-1) @ v
    return out.transpose(1, 2).reshape(B, L, D) @ w_o
