"""log(sigmoid(z)) and log(1 - sigmoid(z)) break for large |z|: in float32 sigmoid(100) is exactly 1.0, so log(1 - sigmoid(100)) = log(0) = -inf, and sigmoid(-100) underflows to 0. Work from the logits: -log sigmoid(z) = softplus(-z) and -log(1 - sigmoid(z)) = softplus(z), which F.softplus, F.logsigmoid or F.binary_cross_entropy_with_logits compute without overflow."""
import torch


def gan_losses(d_real_logits, d_fake_logits):
    p_real = torch.sigmoid(d_real_logits)
    p_fake = torch.sigmoid(d_fake_logits)
    d_loss = -torch.log(p_real).mean() - torch.log(1 - p_fake).mean()
    g_loss = -torch.log(p_fake).mean()
    return d_loss, g_loss
