"""Both terms must be reduced over the batch the same way: per example, reconstruction (summed over D) plus KL (summed over Z), then the mean over the batch. Here the reconstruction is averaged over the batch but the KL is summed over it, so the KL weighs B times too much."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    recon = F.binary_cross_entropy_with_logits(recon_logits, x, reduction="none").sum(dim=1).mean()
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return recon + kl
