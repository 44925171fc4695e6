"""The update is scaled by alpha / r, not by alpha: dividing by the rank r keeps the update's size roughly independent of r, so alpha can stay the same when you change the rank."""
def lora_linear(x, W, b, A, B, alpha):
    out = x @ W.T
    if b is not None:
        out = out + b
    return out + alpha * (x @ A.T) @ B.T
