"""The result must be a torch.bool tensor: a 0/1 integer (or float) mask is a different thing to masked_fill and to torch's attention functions, which read a float mask as numbers added to the scores. Return the comparison's bool result as it is."""
import torch


def attention_mask(lengths, L, causal=False):
    keys = torch.arange(L)
    allowed = (keys[None, :] < lengths[:, None])[:, None, None, :].expand(-1, 1, L, L)
    if causal:
        allowed = allowed & (keys[None, :] <= keys[:, None])
    return allowed.long()
