"""Use the eps you are given. Drawing new noise (torch.randn_like) makes the result random, so it cannot match; in a real VAE the sampling happens outside this function, and the trick is only the deterministic transformation mu + sigma * eps."""
import torch


def reparameterize(mu, logvar, eps):
    return mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
