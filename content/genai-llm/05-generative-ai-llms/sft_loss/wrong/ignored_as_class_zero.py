"""Replacing ignored labels by a real class (here 0) and keeping them makes the model learn to predict that class at the prompt and padding positions. Ignored positions must be left out of the loss and out of the count."""
import torch


def sft_loss(logits, labels, ignore_index=-100):
    pred, target = logits[:, :-1], labels[:, 1:]
    target = torch.where(target == ignore_index, torch.zeros_like(target), target)
    logp = torch.log_softmax(pred, dim=-1)
    return -logp.gather(-1, target.unsqueeze(-1)).mean()
