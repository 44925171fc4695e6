"""The result must have exactly the shape (B, 1, L, L): a padding mask of shape (B, 1, 1, L) broadcasts in attention, but this function promises the full grid. Expand it over the query axis."""
import torch


def attention_mask(lengths, L, causal=False):
    keys = torch.arange(L)
    allowed = (keys[None, :] < lengths[:, None])[:, None, None, :]
    if causal:
        allowed = allowed & (keys[None, :] <= keys[:, None])
    return allowed
