import torch


def reparameterize(mu: torch.Tensor, logvar: torch.Tensor, eps: torch.Tensor) -> torch.Tensor:
    """Draw z ~ N(mu, exp(logvar)) as a differentiable function of mu and logvar.

    mu, logvar, eps  tensors of the same shape; eps is standard-normal noise, given to
                     you so that the result is deterministic.

    Returns z, the same shape, with gradients flowing back to mu and logvar.
    """
    raise NotImplementedError("implement reparameterize")
