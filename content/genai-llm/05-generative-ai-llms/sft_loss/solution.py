import torch


def sft_loss(logits, labels, ignore_index=-100):
    """Next-token cross-entropy, averaged over every target token of the batch."""
    pred = logits[:, :-1, :]            # logits at t ...
    target = labels[:, 1:]              # ... predict the label at t + 1
    valid = target != ignore_index
    log_probs = torch.log_softmax(pred, dim=-1)
    safe_target = torch.where(valid, target, torch.zeros_like(target))
    nll = -log_probs.gather(-1, safe_target.unsqueeze(-1)).squeeze(-1)
    nll = torch.where(valid, nll, torch.zeros_like(nll))
    return nll.sum() / valid.sum()
