import torch.nn.functional as F


def reward_model_loss(chosen, rejected):
    """Bradley-Terry loss: mean of -log sigmoid(chosen - rejected), computed stably."""
    margin = chosen - rejected
    # logsigmoid(m) = min(m, 0) - log1p(exp(-|m|)): never forms sigmoid(m) itself.
    return -F.logsigmoid(margin).mean()
