"""The loss is the MEAN over the batch of each example's (reconstruction + KL). Summing over the batch makes the loss grow with the batch size; divide by B (or sum per example, then .mean())."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    recon = F.binary_cross_entropy_with_logits(recon_logits, x, reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return recon + kl
