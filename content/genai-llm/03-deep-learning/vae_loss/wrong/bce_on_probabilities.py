"""F.binary_cross_entropy on sigmoid(recon_logits) is fine for small logits, but a confident decoder's sigmoid rounds to exactly 0 or 1 in float32 and the clamped log(0) = -100 replaces the true value. Work from the logits: F.binary_cross_entropy_with_logits, or softplus(l) - x * l."""
import torch
import torch.nn.functional as F


def vae_loss(recon_logits, x, mu, logvar):
    probs = torch.sigmoid(recon_logits)
    recon = F.binary_cross_entropy(probs, x, reduction="none").sum(dim=1)
    kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(dim=1)
    return (recon + kl).mean()
