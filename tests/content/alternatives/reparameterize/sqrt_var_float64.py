"""sigma = sqrt(exp(logvar)), computed in float64 and cast back (gradients flow through the casts)."""
import torch


def reparameterize(mu, logvar, eps):
    var = torch.exp(logvar.to(torch.float64))
    z = mu.to(torch.float64) + torch.sqrt(var) * eps.to(torch.float64)
    return z.to(mu.dtype)
