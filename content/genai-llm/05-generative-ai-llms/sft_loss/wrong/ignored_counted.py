"""Ignored positions must not count at all: the sum of the losses is divided by the number of positions that have a target, not by the number of predicted positions."""
import torch


def sft_loss(logits, labels, ignore_index=-100):
    pred, target = logits[:, :-1], labels[:, 1:]
    valid = target != ignore_index
    logp = torch.log_softmax(pred, dim=-1)
    nll = -logp.gather(-1, target.clamp_min(0).unsqueeze(-1)).squeeze(-1)
    return (nll * valid).sum() / target.numel()
