"""The KL divergence is never negative, and the loss ADDS it: KL = -0.5 * sum(1 + logvar - mu^2 - exp(logvar)). Check the sign: for mu = 0, logvar = 0 the KL is 0, and it grows as mu moves away from 0."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    recon = F.binary_cross_entropy_with_logits(recon_logits, x, reduction="none").sum(dim=1)
    kl = 0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(dim=1)
    return (recon + kl).mean()
