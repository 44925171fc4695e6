"""The ratio is NEW over OLD: r = pi_new / pi_old = exp(logp_new - logp_old). exp(logp_old - logp_new) is its inverse, which falls when the new policy makes the token more likely."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_old - logp_new)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    objective = torch.minimum(ratio * advantages, clipped)
    if mask is None:
        return -objective.mean()
    m = mask.to(objective.dtype)
    return -(objective * m).sum() / m.sum()
