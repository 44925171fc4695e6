"""The discriminator loss is the plain sum of the two means, mean BCE(real, 1) + mean BCE(fake, 0), without a factor 0.5 (some papers and codebases average the two halves; this contract does not)."""
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    d_loss = 0.5 * (F.softplus(-d_real_logits).mean() + F.softplus(d_fake_logits).mean())
    g_loss = F.softplus(-d_fake_logits).mean()
    return d_loss, g_loss
