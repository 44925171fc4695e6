"""For large negative margins the loss overflows: log1p(exp(-m)) is the right formula, but exp(1000) is inf in floating point (and log(sigmoid(m)) meets sigmoid(-1000) = 0). Split off the large part first (log(1 + e^x) = x + log(1 + e^-x) for x > 0), or use a built-in stable log-sigmoid or softplus."""
import torch


def reward_model_loss(chosen, rejected):
    return torch.log1p(torch.exp(rejected - chosen)).mean()
