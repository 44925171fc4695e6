"""causal is ignored: with causal=True, query i may also only see keys j <= i (combine the padding mask with a lower-triangular one)."""
import torch


def attention_mask(lengths, L, causal=False):
    keys = torch.arange(L)
    allowed = (keys[None, :] < lengths[:, None])[:, None, None, :].expand(-1, 1, L, L)
    return allowed.contiguous()
