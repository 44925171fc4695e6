"""Ties at the top-k cut-off go to the LOWER index, so that exactly top_k tokens are kept. A plain descending sort (or topk) may keep the higher index; a stable descending sort keeps equal values in index order."""
import torch


def sample_token(logits, temperature, top_k, u):
    z = logits / temperature
    if 0 < top_k < z.shape[-1]:
        flipped = torch.sort(z.flip(-1), dim=-1, descending=True, stable=True).indices[:, :top_k]
        top = z.shape[-1] - 1 - flipped
        keep = torch.zeros_like(z, dtype=torch.bool).scatter_(-1, top, True)
        z = z.masked_fill(~keep, float("-inf"))
    cdf = torch.cumsum(torch.softmax(z, dim=-1), dim=-1)
    return (cdf <= u[:, None]).sum(dim=-1).clamp(max=z.shape[-1] - 1)
