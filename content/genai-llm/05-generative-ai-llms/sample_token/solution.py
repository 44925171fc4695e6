import torch


def sample_token(logits, temperature, top_k, u):
    """Inverse-CDF sampling, one token per row, from softmax(logits / T) cut to the top k."""
    z = logits / temperature
    vocab = z.shape[-1]
    if 0 < top_k < vocab:
        # A stable descending sort keeps tied values in index order: ties go to the lower index.
        top = torch.sort(z, dim=-1, descending=True, stable=True).indices[:, :top_k]
        keep = torch.zeros_like(z, dtype=torch.bool).scatter_(-1, top, True)
        z = z.masked_fill(~keep, float("-inf"))
    cdf = torch.cumsum(torch.softmax(z, dim=-1), dim=-1)  # vocabulary order
    # The smallest j with u < c_j is the number of j with c_j <= u.
    token = (cdf <= u[:, None]).sum(dim=-1)
    return token.clamp(max=vocab - 1)  # guards against the last c_j rounding below u
