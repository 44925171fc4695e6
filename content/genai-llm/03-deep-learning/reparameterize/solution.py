import torch


def reparameterize(mu: torch.Tensor, logvar: torch.Tensor, eps: torch.Tensor) -> torch.Tensor:
    std = torch.exp(0.5 * logvar)  # sigma = sqrt(exp(logvar))
    return mu + std * eps
