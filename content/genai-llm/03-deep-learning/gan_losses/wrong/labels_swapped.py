"""The discriminator should say 1 (real) for real data and 0 (fake) for generated data: d_loss = mean BCE(real logits, 1) + mean BCE(fake logits, 0). Here the targets are the wrong way round."""
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    d_loss = F.softplus(d_real_logits).mean() + F.softplus(-d_fake_logits).mean()
    g_loss = F.softplus(-d_fake_logits).mean()
    return d_loss, g_loss
