"""W is stored in nn.Linear layout, (out, in): output j is sum_k W[j, k] x[k], which for a batch of rows is x @ W.T. x @ W uses the transpose of the layer (the same only when W happens to be symmetric)."""
import torch


def ddpm_loss(x0, t, eps, betas, W, b, temb):
    B = x0.shape[0]
    ab = torch.cumprod(1 - betas, dim=0)[t].reshape(B, 1)
    xt = ab.sqrt() * x0.reshape(B, -1) + (1 - ab).sqrt() * eps.reshape(B, -1)
    eps_hat = xt @ W + b + temb[t]
    return ((eps_hat - eps.reshape(B, -1)) ** 2).mean()
