"""Clamping sigmoid(m) away from 0 keeps the loss finite but caps it (at about 16 for a 1e-7 floor), while the true loss for a margin of -1000 is 1000: the worst-ranked pairs stop pushing back. Compute log-sigmoid stably instead of clamping."""
import torch


def reward_model_loss(chosen, rejected):
    p = torch.sigmoid(chosen - rejected).clamp_min(1e-7)
    return -torch.log(p).mean()
