"""For large negative margins the loss overflows: sigmoid(-1000) rounds to 0, so log(sigmoid(m)) is -inf (and the equivalent log1p(exp(-m)) meets exp(1000) = inf). Compute log-sigmoid without forming either: torch.nn.functional.logsigmoid, softplus, or split off the large part yourself."""
import torch


def reward_model_loss(chosen, rejected):
    return -torch.log(torch.sigmoid(chosen - rejected)).mean()
