import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, causal=False):
    B, L, D = x.shape
    dh = D // num_heads
    x64 = x.double()
    q = torch.einsum("bld,de->ble", x64, w_q.double()).view(B, L, num_heads, dh)
    k = torch.einsum("bld,de->ble", x64, w_k.double()).view(B, L, num_heads, dh)
    v = torch.einsum("bld,de->ble", x64, w_v.double()).view(B, L, num_heads, dh)
    scores = torch.einsum("bqhd,bkhd->bhqk", q, k) / dh ** 0.5
    if causal:
        i = torch.arange(L)
        scores = scores.masked_fill(i[None, :] > i[:, None], float("-inf"))
    p = scores.softmax(dim=-1)
    heads = torch.einsum("bhqk,bkhd->bqhd", p, v).reshape(B, L, D)
    return (heads @ w_o.double()).to(x.dtype)
