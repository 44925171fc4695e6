import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta: float) -> torch.Tensor:
    """Direct Preference Optimisation (DPO) loss.

    Each argument but beta is a float32 tensor of shape (N,): the summed log-probability
    of the chosen or rejected answer of each pair, under the policy being trained or
    under the frozen reference model. Returns the scalar
    mean(-log sigmoid(beta * ((pc - rc) - (pr - rr)))).
    """
    raise NotImplementedError("implement dpo_loss")
