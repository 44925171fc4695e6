"""After top-k the kept probabilities must sum to 1 again: take the softmax over the kept tokens only (set the others to -inf first), not the full softmax with the dropped tokens zeroed afterwards."""
import torch


def sample_token(logits, temperature, top_k, u):
    z = logits / temperature
    p = torch.softmax(z, dim=-1)
    if 0 < top_k < z.shape[-1]:
        top = torch.sort(z, dim=-1, descending=True, stable=True).indices[:, :top_k]
        keep = torch.zeros_like(z, dtype=torch.bool).scatter_(-1, top, True)
        p = p * keep
    cdf = torch.cumsum(p, dim=-1)
    return (cdf <= u[:, None]).sum(dim=-1).clamp(max=z.shape[-1] - 1)
