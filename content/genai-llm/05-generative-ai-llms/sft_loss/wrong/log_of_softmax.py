"""log(softmax(x)) underflows: for a confident wrong prediction the target's probability rounds to 0 in float32 and its log is -inf. Use log_softmax (or cross_entropy), which computes x - logsumexp(x) without ever forming the tiny probability."""
import torch


def sft_loss(logits, labels, ignore_index=-100):
    pred, target = logits[:, :-1], labels[:, 1:]
    valid = target != ignore_index
    probs = torch.softmax(pred, dim=-1)
    p = probs.gather(-1, target.clamp_min(0).unsqueeze(-1)).squeeze(-1)
    nll = -torch.log(p)
    return nll[valid].sum() / valid.sum()
