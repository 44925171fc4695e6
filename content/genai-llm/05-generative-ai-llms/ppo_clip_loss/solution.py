import torch


def ppo_clip_loss(
    logp_new: torch.Tensor,
    logp_old: torch.Tensor,
    advantages: torch.Tensor,
    clip_eps: float = 0.2,
    mask: torch.Tensor | None = None,
) -> torch.Tensor:
    ratio = torch.exp(logp_new - logp_old)  # pi_new / pi_old per token
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    # The pessimistic bound: the smaller objective per token (no gain from moving too far).
    objective = torch.minimum(unclipped, clipped)
    if mask is None:
        return -objective.mean()
    weights = mask.to(objective.dtype)
    return -(objective * weights).sum() / weights.sum()  # mean over the counted tokens only
