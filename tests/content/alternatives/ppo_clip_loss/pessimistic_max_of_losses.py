import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    # The usual library form: the max of the two per-token LOSSES (minus the objectives).
    ratio = torch.exp(logp_new - logp_old)
    loss_unclipped = -advantages * ratio
    loss_clipped = -advantages * torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps)
    losses = torch.max(loss_unclipped, loss_clipped)
    if mask is None:
        return losses.mean()
    return torch.masked_select(losses, mask).mean()
