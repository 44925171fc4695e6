"""The keep/drop decisions are computed in SORTED order: decision j belongs to the token at order[j], not to token j. Scatter the sorted mask back with the sort indices before applying it to the original logits."""
import torch


def top_p_filter(logits, p):
    probs = torch.softmax(logits, dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True)
    before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
    return logits.masked_fill(before >= p, float("-inf"))
