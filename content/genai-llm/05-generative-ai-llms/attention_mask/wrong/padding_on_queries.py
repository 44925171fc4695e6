"""The padding is applied to the query axis (rows) instead of the key axis (columns): padding must stop every query from attending TO a padded key, so it depends on j, the last axis. Query rows at padded positions stay as they are."""
import torch


def attention_mask(lengths, L, causal=False):
    positions = torch.arange(L)
    allowed = (positions[None, :] < lengths[:, None])[:, None, :, None].expand(-1, 1, L, L)
    if causal:
        allowed = allowed & (positions[None, :] <= positions[:, None])
    return allowed.contiguous()
