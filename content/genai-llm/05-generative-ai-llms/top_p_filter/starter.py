import torch


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    """Nucleus (top-p) filtering of logits (..., V) along the last dimension.

    Rank the tokens by probability, highest first. Keep a token when the total
    probability of the tokens ranked before it is < p (so the token that crosses p
    is kept, and so is the top token); set every other logit to -inf. The result has
    the shape and the token order of `logits`.
    """
    raise NotImplementedError("implement top_p_filter")
