import torch.nn.functional as F


def reward_model_loss(chosen, rejected):
    # -log sigmoid(m) = log(1 + exp(-m)) = softplus(-m)
    return F.softplus(rejected - chosen).mean()
