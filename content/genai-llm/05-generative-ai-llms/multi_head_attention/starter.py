import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads: int, causal: bool = False):
    """Multi-head self-attention (no biases).

    x: (B, L, D); w_q, w_k, w_v, w_o: (D, D); D is divisible by num_heads.
    Q = x @ w_q (likewise K, V); head h uses columns h*dh:(h+1)*dh, dh = D // num_heads,
    scores scaled by 1/sqrt(dh); with causal=True position i attends to positions <= i.
    The heads' outputs are concatenated in order and multiplied by w_o: result (B, L, D).
    """
    raise NotImplementedError("implement multi_head_attention")
