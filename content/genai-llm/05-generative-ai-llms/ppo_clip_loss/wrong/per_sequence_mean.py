"""The loss is ONE mean over every counted token of the batch. Averaging each sequence first and then averaging the sequences gives a short sequence's tokens more weight than a long one's."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    objective = torch.minimum(ratio * advantages, clipped)
    if mask is None:
        mask = torch.ones_like(objective, dtype=torch.bool)
    m = mask.to(objective.dtype).reshape(-1, objective.shape[-1])
    per_row = (objective.reshape(-1, objective.shape[-1]) * m).sum(-1) / m.sum(-1).clamp(min=1)
    return -per_row[m.sum(-1) > 0].mean()
