"""Padding masks the keys only: the query rows at padded positions must not be blocked (their outputs are simply ignored later, and a row with no key allowed would give NaN in the softmax). Only mask[b, 0, i, j] with j >= lengths[b] is False."""
import torch


def attention_mask(lengths, L, causal=False):
    positions = torch.arange(L)
    real = positions[None, :] < lengths[:, None]
    allowed = (real[:, :, None] & real[:, None, :])[:, None]
    if causal:
        allowed = allowed & (positions[None, :] <= positions[:, None])
    return allowed.contiguous()
