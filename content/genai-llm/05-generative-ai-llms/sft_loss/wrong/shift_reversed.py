"""The shift goes the other way: the logits at position t predict the label at t + 1, so keep the logits of positions 0 .. T-2 and the labels of positions 1 .. T-1."""
import torch.nn.functional as F


def sft_loss(logits, labels, ignore_index=-100):
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, 1:].reshape(-1, V), labels[:, :-1].reshape(-1),
                           ignore_index=ignore_index)
