"""Layer norm normalises each vector on its own: the mean and variance are taken over the last dimension (the features of one row), not over the batch (the first dimension)."""
import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(dim=0, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=0, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * gamma + beta
