import torch


def ddpm_step(x_t, t: int, eps_hat, z, betas) -> torch.Tensor:
    """One step of DDPM ancestral sampling: x_t -> x_{t-1}.

    x_t, eps_hat, z  tensors of one shape: the current sample, the model's noise
                     prediction for it, and a standard-normal draw
    t                the current step, a Python int, 0-based: 0 <= t < T
    betas            (T,) the noise schedule

    With alpha_t = 1 - beta_t and alpha_bar_t = prod_{s=0..t} alpha_s:
    x_{t-1} = (x_t - beta_t / sqrt(1 - alpha_bar_t) * eps_hat) / sqrt(alpha_t) + sigma_t * z,
    sigma_t = sqrt(beta_t) for t > 0 and 0 at t = 0 (z is not used then).
    """
    raise NotImplementedError("implement ddpm_step")
