"""Return the filtered LOGITS: the kept tokens keep their original logit values and the others become -inf. Turning them into (renormalised) probabilities is the sampler's job, after this filter."""
import torch


def top_p_filter(logits, p):
    probs = torch.softmax(logits, dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True)
    before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
    keep = torch.zeros_like(before, dtype=torch.bool).scatter(-1, order, before < p)
    kept = torch.where(keep, probs, torch.zeros_like(probs))
    kept = kept / kept.sum(dim=-1, keepdim=True)
    return torch.where(keep, kept, torch.full_like(probs, float("-inf")))
