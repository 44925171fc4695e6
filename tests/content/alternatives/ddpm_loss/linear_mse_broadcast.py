import torch


def ddpm_loss(x0, t, eps, betas, W, b, temb):
    B = x0.shape[0]
    ab = torch.cumprod(1 - betas, 0)[t].view(B, *([1] * (x0.dim() - 1)))
    xt = ab.sqrt() * x0 + (1 - ab).sqrt() * eps
    eps_hat = torch.nn.functional.linear(xt.flatten(1), W, b) + temb[t]
    return torch.nn.functional.mse_loss(eps_hat, eps.flatten(1))
