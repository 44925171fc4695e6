"""No scatter: each token's rank (argsort of the argsort) picks its sorted 'mass before'."""

import torch
import torch.nn.functional as F


def top_p_filter(logits, p):
    probs = F.softmax(logits, dim=-1)
    order = torch.argsort(probs, dim=-1, descending=True)
    ranks = torch.argsort(order, dim=-1)
    sorted_probs = torch.gather(probs, -1, order)
    exclusive = F.pad(sorted_probs.cumsum(-1), (1, 0))[..., :-1]
    mass_before = torch.gather(exclusive, -1, ranks)
    out = logits.clone()
    out[mass_before >= p] = float("-inf")
    return out
