import torch


def attention_mask(lengths, L, causal=False):
    """Attention mask for right-padded sequences.

    lengths: (B,) int64, 1 <= lengths[b] <= L. L: the padded length.
    Returns a torch.bool tensor of shape (B, 1, L, L), True = may attend:
    mask[b, 0, i, j] is True iff j < lengths[b] and, when causal, j <= i.
    """
    raise NotImplementedError("implement attention_mask")
