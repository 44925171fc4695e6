import numpy as np
import torch


def ddpm_step(x_t, t, eps_hat, z, betas):
    b = betas.double().numpy()
    alpha_bar = np.exp(np.sum(np.log1p(-b[: t + 1])))
    x, e, noise = (v.double().numpy() for v in (x_t, eps_hat, z))
    mean = (x - b[t] / np.sqrt(-np.expm1(np.log(alpha_bar))) * e) / np.sqrt(1.0 - b[t])
    sigma = np.sqrt(b[t]) if t > 0 else 0.0
    return torch.from_numpy(mean + sigma * noise)
