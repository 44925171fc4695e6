"""beta multiplies the whole difference of the two log-ratios, the rejected one as well as the chosen one: beta * (chosen log-ratio - rejected log-ratio). Check your parentheses."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta):
    logits = beta * (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return -F.logsigmoid(logits).mean()
