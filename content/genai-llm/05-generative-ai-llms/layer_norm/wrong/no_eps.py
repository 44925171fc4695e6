"""Without eps, a row of tiny variance is divided by a tiny standard deviation and blown up to unit scale. Add eps to the variance under the square root."""
import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    std = x.std(dim=-1, keepdim=True, unbiased=False)
    return (x - mean) / std * gamma + beta
