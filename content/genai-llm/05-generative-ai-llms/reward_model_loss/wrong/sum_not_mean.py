"""The loss is the mean over the pairs, not the sum: it must not grow with the batch size."""
import torch.nn.functional as F


def reward_model_loss(chosen, rejected):
    return -F.logsigmoid(chosen - rejected).sum()
