"""After normalising, each feature is scaled by gamma and shifted by beta (the layer's learned parameters): y = x_hat * gamma + beta."""
import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps)
