"""A log-ratio is a difference of logs: log(pi(y) / pi_ref(y)) = policy log-prob MINUS reference log-prob."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta):
    logits = beta * ((policy_chosen_logps + ref_chosen_logps) - (policy_rejected_logps + ref_rejected_logps))
    return -F.logsigmoid(logits).mean()
