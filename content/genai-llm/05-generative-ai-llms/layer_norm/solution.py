import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    """Normalise each row (last dimension) to mean 0, variance 1, then scale and shift."""
    mean = x.mean(dim=-1, keepdim=True)
    centred = x - mean
    var = (centred * centred).mean(dim=-1, keepdim=True)  # biased: divide by D
    return centred / torch.sqrt(var + eps) * gamma + beta
