"""torch.addcmul(mu, std, eps) computes mu + std * eps in one call."""
import torch


def reparameterize(mu, logvar, eps):
    return torch.addcmul(mu, torch.exp(logvar / 2), eps)
