import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    # var = E[x^2] - E[x]^2: fine here because rows are never far from zero relative
    # to their spread.
    mean = x.mean(-1, keepdim=True)
    mean_sq = (x * x).mean(-1, keepdim=True)
    var = (mean_sq - mean * mean).clamp_min(0.0)
    return torch.addcmul(beta, (x - mean) * torch.rsqrt(var + eps), gamma)
