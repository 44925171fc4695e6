"""binary_cross_entropy on sigmoid probabilities clamps each log at -100, so a badly ranked pair costs at most 100 instead of |margin|. Work with the logits (the margins): a log-sigmoid or binary_cross_entropy_with_logits stays exact."""
import torch
import torch.nn.functional as F


def reward_model_loss(chosen, rejected):
    p = torch.sigmoid(chosen - rejected)
    return F.binary_cross_entropy(p, torch.ones_like(p))
