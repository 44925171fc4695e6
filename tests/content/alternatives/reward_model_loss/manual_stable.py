import torch


def reward_model_loss(chosen, rejected):
    m = chosen - rejected
    # log(1 + e^{-m}) = max(-m, 0) + log1p(e^{-|m|})
    per_pair = torch.clamp(-m, min=0) + torch.log1p(torch.exp(-m.abs()))
    return per_pair.sum() / m.numel()
