"""Only the low-rank update is scaled by alpha / r; the frozen base layer x @ W.T + b is used as it is."""
def lora_linear(x, W, b, A, B, alpha):
    out = x @ W.T
    if b is not None:
        out = out + b
    return (alpha / A.shape[0]) * (out + (x @ A.T) @ B.T)
