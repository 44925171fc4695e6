import torch


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    probs = torch.softmax(logits, dim=-1)  # stable for any finite logits
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True)
    # Probability mass of the tokens strictly before each one in sorted order.
    mass_before = torch.cumsum(sorted_probs, dim=-1)
    mass_before = torch.cat([torch.zeros_like(mass_before[..., :1]), mass_before[..., :-1]], dim=-1)
    keep_sorted = mass_before < p  # the first token (mass 0) and the one crossing p are kept
    # Put each decision back at its token's original position.
    keep = torch.empty_like(keep_sorted).scatter_(-1, order, keep_sorted)
    return logits.masked_fill(~keep, float("-inf"))
