"""PPO MAXIMISES the clipped objective; a loss for gradient descent is its negative: loss = -mean(min(r * A, clip(r) * A)). Without the minus sign, training would make good actions less likely."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    objective = torch.minimum(ratio * advantages, clipped)
    if mask is None:
        return objective.mean()
    m = mask.to(objective.dtype)
    return (objective * m).sum() / m.sum()
