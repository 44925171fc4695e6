"""BCE-with-logits written out stably, max(l, 0) - l*x + log1p(exp(-|l|)), in float64; returns a float."""
import torch


def vae_loss(recon_logits, x, mu, logvar):
    l, x = recon_logits.double(), x.double()
    mu, logvar = mu.double(), logvar.double()
    bce = torch.clamp(l, min=0) - l * x + torch.log1p(torch.exp(-l.abs()))
    kl = -0.5 * torch.sum(1 + logvar - mu * mu - torch.exp(logvar), dim=-1)
    return float((bce.sum(dim=-1) + kl).mean())
