"""The causal triangle is transposed: in mask[b, 0, i, j] the row i is the query and the column j the key, and query i may see keys j <= i (the lower triangle, torch.tril), not keys j >= i."""
import torch


def attention_mask(lengths, L, causal=False):
    keys = torch.arange(L)
    allowed = (keys[None, :] < lengths[:, None])[:, None, None, :].expand(-1, 1, L, L)
    if causal:
        allowed = allowed & torch.ones(L, L, dtype=torch.bool).triu()
    return allowed.contiguous()
