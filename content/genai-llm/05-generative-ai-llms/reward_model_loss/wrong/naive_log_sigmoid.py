"""log(sigmoid(m)) fails for large negative margins: sigmoid(-1000) rounds to 0 and log(0) = -inf. Compute log-sigmoid directly and stably (torch.nn.functional.logsigmoid, or -softplus(-m))."""
import torch


def reward_model_loss(chosen, rejected):
    return -torch.log(torch.sigmoid(chosen - rejected)).mean()
