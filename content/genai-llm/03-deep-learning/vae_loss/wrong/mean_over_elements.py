"""The loss of one example SUMS the reconstruction error over its D pixels and the KL over its Z latents; only the batch is averaged. Averaging over every element (reduction="mean", or .mean() on the (B, D) and (B, Z) tensors) divides each term by a different size and unbalances reconstruction against KL."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    recon = F.binary_cross_entropy_with_logits(recon_logits, x)
    kl = -0.5 * torch.mean(1 + logvar - mu.pow(2) - logvar.exp())
    return recon + kl
