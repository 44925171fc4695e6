"""The CDF is walked in vocabulary order (c_j = p_0 + ... + p_j for token ids 0, 1, 2, ...), not in order of decreasing probability. Both sample the same distribution, but the contract fixes which token each u gives."""
import torch


def sample_token(logits, temperature, top_k, u):
    z = logits / temperature
    if 0 < top_k < z.shape[-1]:
        top = torch.sort(z, dim=-1, descending=True, stable=True).indices[:, :top_k]
        keep = torch.zeros_like(z, dtype=torch.bool).scatter_(-1, top, True)
        z = z.masked_fill(~keep, float("-inf"))
    p = torch.softmax(z, dim=-1)
    sorted_p, order = torch.sort(p, dim=-1, descending=True, stable=True)
    cdf = torch.cumsum(sorted_p, dim=-1)
    rank = (cdf <= u[:, None]).sum(dim=-1).clamp(max=z.shape[-1] - 1)
    return order.gather(-1, rank[:, None])[:, 0]
