import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps: float = 0.2, mask=None):
    log_ratio = logp_new.double() - logp_old.double()
    ratio = torch.exp(log_ratio)
    adv = advantages.double()
    surrogate1 = ratio * adv
    surrogate2 = ratio.clamp(1.0 - clip_eps, 1.0 + clip_eps) * adv
    per_token = -torch.min(surrogate1, surrogate2)
    if mask is None:
        mask = torch.ones_like(per_token, dtype=torch.bool)
    weights = mask.double()
    return (per_token * weights).sum() / weights.sum()
