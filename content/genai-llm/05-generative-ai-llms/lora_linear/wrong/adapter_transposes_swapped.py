"""A is (r, in) and B is (out, r): x goes down through A first (x @ A.T gives (..., r)), then up through B ((...) @ B.T gives (..., out)). Check each product's shape; a square adapter hides the mistake."""
def lora_linear(x, W, b, A, B, alpha):
    out = x @ W.T
    if b is not None:
        out = out + b
    return out + (alpha / A.shape[0]) * (x @ A) @ B
