"""The projections are Q = x @ w_q (and likewise for K, V and the output): the weights are stored (in, out) here, not (out, in) as in torch.nn.Linear, so they are not transposed."""
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, causal=False):
    B, L, D = x.shape
    dh = D // num_heads
    q = (x @ w_q.T).reshape(B, L, num_heads, dh).transpose(1, 2)
    k = (x @ w_k.T).reshape(B, L, num_heads, dh).transpose(1, 2)
    v = (x @ w_v.T).reshape(B, L, num_heads, dh).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)
    if causal:
        scores = scores.masked_fill(~torch.ones(L, L, dtype=torch.bool).tril(), float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    return out.transpose(1, 2).reshape(B, L, D) @ w_o.T
