"""alpha_bar_t = (1 - beta_0)(1 - beta_1)...(1 - beta_t) includes step t itself. A product over s < t only (an "exclusive" cumulative product, starting from 1) is the previous step's alpha_bar: at t = 0 it leaves x0 without any noise."""
import torch


def ddpm_loss(x0, t, eps, betas, W, b, temb):
    B = x0.shape[0]
    alpha_bars = torch.cumprod(1 - betas, dim=0)
    shifted = torch.cat([torch.ones(1, dtype=betas.dtype), alpha_bars[:-1]])
    ab = shifted[t].reshape(B, 1)
    xt = ab.sqrt() * x0.reshape(B, -1) + (1 - ab).sqrt() * eps.reshape(B, -1)
    eps_hat = xt @ W.T + b + temb[t]
    return ((eps_hat - eps.reshape(B, -1)) ** 2).mean()
