"""r is the adapter's rank: the first dimension of A (r, in), or equivalently the last of B (out, r), not the input width."""
def lora_linear(x, W, b, A, B, alpha):
    out = x @ W.T
    if b is not None:
        out = out + b
    return out + (alpha / A.shape[1]) * (x @ A.T) @ B.T
