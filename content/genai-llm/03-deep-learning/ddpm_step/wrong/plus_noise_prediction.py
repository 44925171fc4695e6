"""The predicted noise is REMOVED from x_t: x_t - beta_t / sqrt(1 - alpha_bar_t) * eps_hat. Adding it moves the sample further into the noise."""
import torch


def ddpm_step(x_t, t, eps_hat, z, betas):
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t]
    beta = betas[t]
    mean = (x_t + beta / torch.sqrt(1 - alpha_bar) * eps_hat) / torch.sqrt(1 - beta)
    return mean + torch.sqrt(beta) * z if t > 0 else mean
