"""KL from torch.distributions, reconstruction from log-sigmoids."""
import torch
import torch.nn.functional as F
from torch.distributions import Normal, kl_divergence


def vae_loss(recon_logits, x, mu, logvar):
    log_p = F.logsigmoid(recon_logits)
    log_not_p = F.logsigmoid(-recon_logits)
    recon = -(x * log_p + (1 - x) * log_not_p).sum(dim=1)
    posterior = Normal(mu, torch.exp(0.5 * logvar))
    prior = Normal(torch.zeros_like(mu), torch.ones_like(mu))
    kl = kl_divergence(posterior, prior).sum(dim=1)
    return torch.mean(recon + kl)
