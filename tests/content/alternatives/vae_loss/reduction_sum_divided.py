"""Sum everything over the whole batch with reduction="sum", then divide by the batch size."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    batch = x.shape[0]
    recon = F.binary_cross_entropy_with_logits(recon_logits, x, reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return (recon + kl) / batch
