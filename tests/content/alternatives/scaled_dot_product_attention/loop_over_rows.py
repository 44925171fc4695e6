import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    *batch, lq, d = q.shape
    lk, dv = k.shape[-2], v.shape[-1]
    if mask is None:
        mask = torch.ones(lq, lk, dtype=torch.bool)
    mask = torch.broadcast_to(mask, (*batch, lq, lk)).reshape(-1, lq, lk)
    qf, kf, vf = q.reshape(-1, lq, d), k.reshape(-1, lk, d), v.reshape(-1, lk, dv)
    out = torch.zeros(qf.shape[0], lq, dv, dtype=q.dtype)
    for b in range(qf.shape[0]):
        for i in range(lq):
            allowed = mask[b, i]
            s = (kf[b][allowed] @ qf[b, i]) / math.sqrt(d)
            w = torch.softmax(s, dim=0)
            out[b, i] = w @ vf[b][allowed]
    return out.reshape(*batch, lq, dv)
