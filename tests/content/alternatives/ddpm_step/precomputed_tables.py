import torch


def ddpm_step(x_t, t, eps_hat, z, betas):
    # As a sampler would hold them: every coefficient precomputed as a table over the steps.
    alphas = 1.0 - betas
    alpha_bars = torch.cumprod(alphas, dim=0)
    recip_sqrt_alphas = torch.rsqrt(alphas)
    eps_coefs = betas / torch.sqrt(1.0 - alpha_bars)
    sigmas = torch.sqrt(betas)
    sigmas = torch.cat([torch.zeros(1, dtype=sigmas.dtype), sigmas[1:]])  # sigma_0 = 0
    return recip_sqrt_alphas[t] * (x_t - eps_coefs[t] * eps_hat) + sigmas[t] * z
