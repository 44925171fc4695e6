import torch


def lora_linear(x, W, b, A, B, alpha):
    """A frozen linear layer plus a low-rank update scaled by alpha / r."""
    rank = A.shape[0]
    out = x @ W.T
    if b is not None:
        out = out + b
    # (x A^T) B^T: two thin products, never the full (out, in) update matrix.
    return out + (alpha / rank) * ((x @ A.T) @ B.T)
