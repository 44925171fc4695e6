import torch


def lora_linear(x, W, b, A, B, alpha):
    lead = x.shape[:-1]
    flat = x.reshape(-1, x.shape[-1])
    bias = b if b is not None else torch.zeros(W.shape[0], dtype=x.dtype)
    base = torch.addmm(bias, flat, W.t())
    out = torch.addmm(base, torch.mm(flat, A.t()), B.t(), alpha=alpha / A.shape[0])
    return out.reshape(*lead, W.shape[0])
