"""log(sigmoid(x)) fails for large negative x: sigmoid rounds to 0 and its log is -inf. Use a stable log-sigmoid (torch.nn.functional.logsigmoid, or -softplus(-x))."""
import torch


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta):
    logits = beta * ((policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps))
    return -torch.log(torch.sigmoid(logits)).mean()
