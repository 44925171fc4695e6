"""Every example has its OWN step t[i]: index the schedule and the time embedding with the whole tensor t (alpha_bar[t] has shape (B,)), not with one step such as t[0] or t.max() for the whole batch."""
import torch


def ddpm_loss(x0, t, eps, betas, W, b, temb):
    B = x0.shape[0]
    step = int(t[0])
    ab = torch.cumprod(1 - betas, dim=0)[step]
    xt = ab.sqrt() * x0.reshape(B, -1) + (1 - ab).sqrt() * eps.reshape(B, -1)
    eps_hat = xt @ W.T + b + temb[step]
    return ((eps_hat - eps.reshape(B, -1)) ** 2).mean()
