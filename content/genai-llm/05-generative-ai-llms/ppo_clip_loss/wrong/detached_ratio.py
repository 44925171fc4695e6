"""The loss must carry gradients to logp_new: that gradient is what updates the policy. Computing the ratio from detached values (.detach(), .item(), numpy, a new torch.tensor or torch.no_grad()) gives the right number but nothing to train with."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new.detach() - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    objective = torch.minimum(ratio * advantages, clipped)
    if mask is None:
        return -objective.mean()
    m = mask.to(objective.dtype)
    return -(objective * m).sum() / m.sum()
