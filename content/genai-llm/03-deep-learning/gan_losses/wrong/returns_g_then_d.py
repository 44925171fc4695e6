"""Return the pair in the order (d_loss, g_loss): the discriminator's loss first."""
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    d_loss = F.softplus(-d_real_logits).mean() + F.softplus(d_fake_logits).mean()
    g_loss = F.softplus(-d_fake_logits).mean()
    return g_loss, d_loss
