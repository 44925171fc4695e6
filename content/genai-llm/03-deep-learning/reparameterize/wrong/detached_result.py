"""The values are right but nothing flows back: the result was computed without autograd (under torch.no_grad(), through .detach(), .data, .item(), numpy or a new torch.tensor(...)). The whole point of the reparameterization trick is that z = mu + sigma * eps is differentiable in mu and logvar: compute it with ordinary torch operations on the tensors you were given."""
import torch


def reparameterize(mu, logvar, eps):
    with torch.no_grad():
        return mu + torch.exp(0.5 * logvar) * eps
