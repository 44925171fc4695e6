"""The closed-form KL between N(mu, sigma^2) and N(0, 1) has a factor one half: KL = -0.5 * sum(1 + logvar - mu^2 - exp(logvar))."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    recon = F.binary_cross_entropy_with_logits(recon_logits, x, reduction="none").sum(dim=1)
    kl = -(1 + logvar - mu.pow(2) - logvar.exp()).sum(dim=1)
    return (recon + kl).mean()
