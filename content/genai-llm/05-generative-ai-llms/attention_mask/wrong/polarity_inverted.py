"""The mask's polarity is inverted: True means the query MAY attend to that key. Keys inside the sequence (j < length) and, with causal, at or before the query (j <= i) must be True; padding and future keys False."""
import torch


def attention_mask(lengths, L, causal=False):
    keys = torch.arange(L)
    blocked = (keys[None, :] >= lengths[:, None])[:, None, None, :].expand(-1, 1, L, L)
    if causal:
        blocked = blocked | (keys[None, :] > keys[:, None])
    return blocked.contiguous()
