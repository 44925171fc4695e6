import torch
import torch.nn.functional as F


def sft_loss(logits, labels, ignore_index: int = -100) -> torch.Tensor:
    """Supervised fine-tuning (next-token) loss.

    logits: (B, T, V) float32; labels: (B, T) int64.
    The logits at position t predict the label at position t + 1. Returns the mean
    cross-entropy over every predicted position whose label is not ignore_index,
    one mean over all such tokens of the whole batch (a scalar).
    """
    raise NotImplementedError("implement sft_loss")
