"""b may be None (a layer without bias): check for it and add the bias only when there is one."""
def lora_linear(x, W, b, A, B, alpha):
    return x @ W.T + b + (alpha / A.shape[0]) * (x @ A.T) @ B.T
