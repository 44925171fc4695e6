"""The two coefficients are square roots: x_t = sqrt(alpha_bar) * x0 + sqrt(1 - alpha_bar) * eps. alpha_bar and 1 - alpha_bar are the VARIANCES of the signal and noise parts; scaling by them instead of their square roots shrinks both and x_t loses its unit variance."""
import torch


def ddpm_loss(x0, t, eps, betas, W, b, temb):
    B = x0.shape[0]
    ab = torch.cumprod(1 - betas, dim=0)[t].reshape(B, 1)
    xt = ab * x0.reshape(B, -1) + (1 - ab) * eps.reshape(B, -1)
    eps_hat = xt @ W.T + b + temb[t]
    return ((eps_hat - eps.reshape(B, -1)) ** 2).mean()
