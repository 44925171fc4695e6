"""logvar is the log of the VARIANCE, log(sigma^2), not of the standard deviation: the variance is exp(logvar), and log(sigma^2) is logvar itself. KL = -0.5 * sum(1 + logvar - mu^2 - exp(logvar)), with no factors of 2."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    recon = F.binary_cross_entropy_with_logits(recon_logits, x, reduction="none").sum(dim=1)
    std = torch.exp(logvar)
    kl = -0.5 * (1 + torch.log(std**2) - mu.pow(2) - std**2).sum(dim=1)
    return (recon + kl).mean()
