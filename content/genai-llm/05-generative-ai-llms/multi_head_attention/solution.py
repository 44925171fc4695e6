import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, causal=False):
    """Multi-head self-attention without biases; see statement.md."""
    batch, length, width = x.shape
    head_dim = width // num_heads

    def split_heads(t):
        # (B, L, D) -> (B, L, H, dh) -> (B, H, L, dh): head h owns columns h*dh:(h+1)*dh.
        return t.reshape(batch, length, num_heads, head_dim).transpose(1, 2)

    q = split_heads(x @ w_q)
    k = split_heads(x @ w_k)
    v = split_heads(x @ w_v)
    scores = q @ k.transpose(-2, -1) / math.sqrt(head_dim)
    if causal:
        allowed = torch.ones(length, length, dtype=torch.bool).tril()
        scores = scores.masked_fill(~allowed, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    heads = weights @ v                                   # (B, H, L, dh)
    merged = heads.transpose(1, 2).reshape(batch, length, width)
    return merged @ w_o
