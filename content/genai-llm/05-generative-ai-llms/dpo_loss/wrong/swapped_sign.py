"""The sign is swapped: the loss must be small when the policy raises the chosen answer's log-ratio above the rejected one's, so the logit is (chosen log-ratio) - (rejected log-ratio)."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta):
    logits = beta * ((policy_rejected_logps - ref_rejected_logps) - (policy_chosen_logps - ref_chosen_logps))
    return -F.logsigmoid(logits).mean()
