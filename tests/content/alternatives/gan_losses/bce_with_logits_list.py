"""F.binary_cross_entropy_with_logits against explicit targets; returns a list."""
import torch
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    real_loss = F.binary_cross_entropy_with_logits(d_real_logits, torch.ones_like(d_real_logits))
    fake_loss = F.binary_cross_entropy_with_logits(d_fake_logits, torch.zeros_like(d_fake_logits))
    g_loss = F.binary_cross_entropy_with_logits(d_fake_logits, torch.ones_like(d_fake_logits))
    return [real_loss + fake_loss, g_loss]
