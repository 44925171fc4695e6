import torch


def ddpm_step(
    x_t: torch.Tensor, t: int, eps_hat: torch.Tensor, z: torch.Tensor, betas: torch.Tensor
) -> torch.Tensor:
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t]  # step t included
    beta = betas[t]
    alpha = 1 - beta
    # The mean of the reverse step: remove the predicted noise, then undo one step's shrinking.
    mean = (x_t - beta / torch.sqrt(1 - alpha_bar) * eps_hat) / torch.sqrt(alpha)
    if t == 0:
        return mean  # the last step returns the mean: no fresh noise
    return mean + torch.sqrt(beta) * z
