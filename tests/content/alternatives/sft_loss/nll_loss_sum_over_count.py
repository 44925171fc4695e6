import torch.nn.functional as F


def sft_loss(logits, labels, ignore_index=-100):
    logp = F.log_softmax(logits[:, :-1], dim=-1)          # (B, T-1, V)
    target = labels[:, 1:]
    total = F.nll_loss(logp.transpose(1, 2), target, ignore_index=ignore_index, reduction="sum")
    return total / (target != ignore_index).sum()
