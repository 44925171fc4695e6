"""Layer norm uses the biased (population) variance: divide the summed squared deviations by D, not D - 1. torch.var is unbiased unless you ask otherwise (correction=0 or unbiased=False)."""
import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * gamma + beta
