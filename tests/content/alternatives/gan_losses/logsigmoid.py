"""-log sigmoid(z) with F.logsigmoid; 1 - sigmoid(z) = sigmoid(-z)."""
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    d_loss = -F.logsigmoid(d_real_logits).mean() - F.logsigmoid(-d_fake_logits).mean()
    g_loss = -F.logsigmoid(d_fake_logits).mean()
    return d_loss, g_loss
