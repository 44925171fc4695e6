"""The model is trained to predict the NOISE eps that was mixed into x_t, not the clean data x0: the target of the squared error is eps."""
import torch


def ddpm_loss(x0, t, eps, betas, W, b, temb):
    B = x0.shape[0]
    ab = torch.cumprod(1 - betas, dim=0)[t].reshape(B, 1)
    xt = ab.sqrt() * x0.reshape(B, -1) + (1 - ab).sqrt() * eps.reshape(B, -1)
    eps_hat = xt @ W.T + b + temb[t]
    return ((eps_hat - x0.reshape(B, -1)) ** 2).mean()
