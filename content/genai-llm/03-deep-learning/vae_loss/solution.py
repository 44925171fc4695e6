import torch
import torch.nn.functional as F


def vae_loss(
    recon_logits: torch.Tensor, x: torch.Tensor, mu: torch.Tensor, logvar: torch.Tensor
) -> torch.Tensor:
    # Per example: reconstruction summed over D, KL(N(mu, exp(logvar)) || N(0, I)) summed over Z.
    recon = F.binary_cross_entropy_with_logits(recon_logits, x, reduction="none").sum(dim=1)
    kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(dim=1)
    return (recon + kl).mean()
