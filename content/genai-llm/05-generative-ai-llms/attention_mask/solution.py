import torch


def attention_mask(lengths, L, causal=False):
    """(B, 1, L, L) bool, True = may attend: key j < lengths[b], and j <= i when causal."""
    keys = torch.arange(L)
    # Padding depends on the key only: the same row for every query.
    allowed = (keys[None, :] < lengths[:, None])[:, None, None, :]  # (B, 1, 1, L)
    allowed = allowed.expand(lengths.shape[0], 1, L, L)
    if causal:
        allowed = allowed & (keys[None, :] <= keys[:, None])  # row i (query), column j (key)
    return allowed.contiguous()
