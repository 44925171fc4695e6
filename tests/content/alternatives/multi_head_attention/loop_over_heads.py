import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, causal=False):
    D = x.shape[-1]
    L = x.shape[-2]
    dh = D // num_heads
    q_all, k_all, v_all = x @ w_q, x @ w_k, x @ w_v
    outputs = []
    for h in range(num_heads):
        cols = slice(h * dh, (h + 1) * dh)
        q, k, v = q_all[..., cols], k_all[..., cols], v_all[..., cols]
        scores = torch.bmm(q, k.transpose(1, 2)) / math.sqrt(dh)
        if causal:
            future = torch.arange(L)[None, :] > torch.arange(L)[:, None]
            scores = torch.where(future, torch.full_like(scores, -1e30), scores)
        outputs.append(torch.bmm(torch.softmax(scores, dim=-1), v))
    return torch.cat(outputs, dim=-1) @ w_o
