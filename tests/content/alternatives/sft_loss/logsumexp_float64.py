import torch


def sft_loss(logits, labels, ignore_index=-100):
    x = logits[:, :-1].double()
    y = labels[:, 1:]
    keep = y.ne(ignore_index)
    x, y = x[keep], y[keep]                       # (N, V), (N,)
    picked = x[torch.arange(y.numel()), y]
    return (torch.logsumexp(x, dim=-1) - picked).mean().float()
