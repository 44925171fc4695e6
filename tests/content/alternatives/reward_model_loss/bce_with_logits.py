import torch
import torch.nn.functional as F


def reward_model_loss(chosen, rejected):
    margin = chosen - rejected
    return F.binary_cross_entropy_with_logits(margin, torch.ones_like(margin))
