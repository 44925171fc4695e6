"""The KL of one example sums over its Z latent dimensions (the KL of independent dimensions adds up), just as the reconstruction term sums over the D pixels. Averaging the KL over Z under-weights it."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    recon = F.binary_cross_entropy_with_logits(recon_logits, x, reduction="none").sum(dim=1)
    kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).mean(dim=1)
    return (recon + kl).mean()
