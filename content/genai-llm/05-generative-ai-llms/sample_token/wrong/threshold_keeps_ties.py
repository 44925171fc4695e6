"""Keeping every token whose z is at least the k-th largest value keeps MORE than top_k tokens when several tie at the cut-off. The contract keeps exactly top_k: ties at the cut-off go to the lower index."""
import torch


def sample_token(logits, temperature, top_k, u):
    z = logits / temperature
    if 0 < top_k < z.shape[-1]:
        kth = torch.topk(z, top_k, dim=-1).values[:, -1:]
        z = z.masked_fill(z < kth, float("-inf"))
    cdf = torch.cumsum(torch.softmax(z, dim=-1), dim=-1)
    return (cdf <= u[:, None]).sum(dim=-1).clamp(max=z.shape[-1] - 1)
