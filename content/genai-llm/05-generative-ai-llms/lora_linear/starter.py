import torch


def lora_linear(x, W, b, A, B, alpha: float) -> torch.Tensor:
    """A linear layer with a LoRA adapter.

    x: (..., in); W: (out, in); b: (out,) or None; A: (r, in); B: (out, r).
    Returns x @ W.T + b + (alpha / r) * (x @ A.T) @ B.T, shape (..., out).
    """
    raise NotImplementedError("implement lora_linear")
