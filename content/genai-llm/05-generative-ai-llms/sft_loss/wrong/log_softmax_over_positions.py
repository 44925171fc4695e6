"""The softmax turns one position's logits into a distribution over the vocabulary: normalise along the last dimension (V), not along the positions."""
import torch


def sft_loss(logits, labels, ignore_index=-100):
    pred, target = logits[:, :-1], labels[:, 1:]
    valid = target != ignore_index
    logp = torch.log_softmax(pred, dim=1)
    nll = -logp.gather(-1, target.clamp_min(0).unsqueeze(-1)).squeeze(-1)
    return (nll * valid).sum() / valid.sum()
