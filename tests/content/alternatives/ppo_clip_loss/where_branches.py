import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = (logp_new - logp_old).exp()
    # Pick the branch by hand: the clipped term is the smaller one exactly when the ratio
    # has left the range in the direction the advantage rewards.
    clipped_high = (advantages > 0) & (ratio > 1 + clip_eps)
    clipped_low = (advantages < 0) & (ratio < 1 - clip_eps)
    bound = torch.where(clipped_high, torch.full_like(ratio, 1 + clip_eps), ratio)
    bound = torch.where(clipped_low, torch.full_like(ratio, 1 - clip_eps), bound)
    objective = bound * advantages
    if mask is not None:
        objective = objective[mask]
    return -objective.sum() / objective.numel()
