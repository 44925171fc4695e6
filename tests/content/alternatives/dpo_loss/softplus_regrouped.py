import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta):
    # Same margin, grouped as (policy preference) - (reference preference).
    pi_logratios = policy_chosen_logps - policy_rejected_logps
    ref_logratios = ref_chosen_logps - ref_rejected_logps
    return F.softplus(-beta * (pi_logratios - ref_logratios)).mean()
