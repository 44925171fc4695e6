"""Tokens whose mask is False (padding, the prompt) do not count at all: leave them out of both the sum and the count. Here the mask was never applied."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    objective = torch.minimum(ratio * advantages, clipped)
    return -objective.mean()
