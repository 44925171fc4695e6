import torch


def lora_linear(x, W, b, A, B, alpha):
    x64 = x.double()
    base = torch.einsum("...i,oi->...o", x64, W.double())
    low = torch.einsum("...i,ri->...r", x64, A.double())
    update = torch.einsum("...r,or->...o", low, B.double())
    out = base + alpha / A.size(0) * update
    if b is not None:
        out = out + b.double()
    return out.to(x.dtype)
