"""The gradient reaches mu but not logvar: the standard deviation was computed outside autograd (numpy, math.exp, .item(), .detach() or a new torch.tensor). Compute sigma = torch.exp(0.5 * logvar) from the logvar tensor itself, so that the encoder learns its variances too."""
import numpy as np
import torch


def reparameterize(mu, logvar, eps):
    std = torch.from_numpy(np.exp(0.5 * logvar.detach().numpy()))
    return mu + std * eps
