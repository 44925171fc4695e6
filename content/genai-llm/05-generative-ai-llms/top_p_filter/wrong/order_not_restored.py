"""The result must keep the original token order: position i still belongs to token i. Filter in sorted order if you like, but put the values back where they came from (scatter with the sort indices) before returning."""
import torch


def top_p_filter(logits, p):
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
    sorted_probs = torch.softmax(sorted_logits, dim=-1)
    before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
    return sorted_logits.masked_fill(before >= p, float("-inf"))
