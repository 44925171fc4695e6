"""beta_t is the step's VARIANCE; the noise is scaled by the standard deviation sigma_t = sqrt(beta_t). Multiplying z by beta_t adds far too little noise."""
import torch


def ddpm_step(x_t, t, eps_hat, z, betas):
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t]
    beta = betas[t]
    mean = (x_t - beta / torch.sqrt(1 - alpha_bar) * eps_hat) / torch.sqrt(1 - beta)
    return mean + beta * z if t > 0 else mean
