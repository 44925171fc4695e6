import torch.nn.functional as F


def sft_loss(logits, labels, ignore_index=-100):
    vocab = logits.size(-1)
    shift_logits = logits[..., :-1, :].contiguous().view(-1, vocab)
    shift_labels = labels[..., 1:].contiguous().view(-1)
    return F.cross_entropy(shift_logits, shift_labels, ignore_index=ignore_index)
