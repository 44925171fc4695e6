"""exp() of a logit above ~88 overflows float32 to inf (and below ~-104 underflows to 0), so exp(x) / sum(exp(x)) turns into inf/inf or 0/0 = NaN. Use torch.softmax, or subtract each row's maximum before exponentiating."""
import torch


def top_p_filter(logits, p):
    exps = torch.exp(logits)
    probs = exps / exps.sum(dim=-1, keepdim=True)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True)
    before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
    keep = torch.zeros_like(before, dtype=torch.bool).scatter(-1, order, before < p)
    return logits.masked_fill(~keep, float("-inf"))
