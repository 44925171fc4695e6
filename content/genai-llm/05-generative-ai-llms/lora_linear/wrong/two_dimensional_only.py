"""x may have any number of leading dimensions (a single vector, a batch, or batch and sequence). torch.mm and torch.addmm only take 2-d matrices; the @ operator (torch.matmul) broadcasts over leading dimensions."""
import torch


def lora_linear(x, W, b, A, B, alpha):
    base = torch.mm(x, W.t()) if b is None else torch.addmm(b, x, W.t())
    return base + (alpha / A.shape[0]) * torch.mm(torch.mm(x, A.t()), B.t())
