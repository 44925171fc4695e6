"""F.binary_cross_entropy_with_logits(input, target) takes the decoder's logits first and the data x second. With the arguments swapped, x is read as logits and the logits as targets."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    recon = F.binary_cross_entropy_with_logits(x, recon_logits, reduction="none").sum(dim=1)
    kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(dim=1)
    return (recon + kl).mean()
