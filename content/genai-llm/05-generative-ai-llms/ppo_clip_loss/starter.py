import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps: float = 0.2, mask=None) -> torch.Tensor:
    """PPO's clipped surrogate loss, per token, averaged over the counted tokens.

    logp_new, logp_old, advantages  tensors of one shape (e.g. (B, T)): log-probabilities
                                    of the sampled tokens under the current and the old
                                    policy, and each token's advantage
    mask                            bool, same shape, True = the token counts; None = all

    r = exp(logp_new - logp_old); loss = -mean over counted tokens of
    min(r * A, clip(r, 1 - clip_eps, 1 + clip_eps) * A). Must carry gradients to logp_new.
    """
    raise NotImplementedError("implement ppo_clip_loss")
