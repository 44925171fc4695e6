import torch


def reward_model_loss(chosen, rejected):
    m = (chosen.double() - rejected.double()).flatten()
    return float(torch.logaddexp(torch.zeros_like(m), -m).mean())
