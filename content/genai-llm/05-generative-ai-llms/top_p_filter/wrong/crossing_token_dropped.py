"""The token that makes the running total cross p is part of the nucleus. Keeping only tokens whose cumulative probability INCLUDING themselves is <= p drops it; compare the mass BEFORE each token with p instead (cumulative sum minus the token's own probability)."""
import torch


def top_p_filter(logits, p):
    probs = torch.softmax(logits, dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True)
    keep_sorted = torch.cumsum(sorted_probs, dim=-1) <= p
    keep_sorted[..., 0] = True
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return logits.masked_fill(~keep, float("-inf"))
