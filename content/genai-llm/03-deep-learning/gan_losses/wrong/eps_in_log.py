"""Adding a small epsilon inside the log, log(sigmoid(z) + eps), keeps the result finite but wrong: once sigmoid saturates, the loss is stuck near -log(eps) instead of growing like |z|. Compute the loss from the logits directly: BCE-with-logits(z, 1) = softplus(-z), BCE-with-logits(z, 0) = softplus(z)."""
import torch


def gan_losses(d_real_logits, d_fake_logits):
    eps = 1e-8
    p_real = torch.sigmoid(d_real_logits)
    p_fake = torch.sigmoid(d_fake_logits)
    d_loss = -torch.log(p_real + eps).mean() - torch.log(1 - p_fake + eps).mean()
    g_loss = -torch.log(p_fake + eps).mean()
    return d_loss, g_loss
