"""softplus(z) = log(1 + exp(z)) is right on paper, but exp(z) overflows to inf in float32 for z above about 88, so large logits give inf. Use the stable form max(z, 0) + log1p(exp(-|z|)), or simply F.softplus / F.binary_cross_entropy_with_logits."""
import torch


def _softplus(z):
    return torch.log1p(torch.exp(z))


def gan_losses(d_real_logits, d_fake_logits):
    d_loss = _softplus(-d_real_logits).mean() + _softplus(d_fake_logits).mean()
    g_loss = _softplus(-d_fake_logits).mean()
    return d_loss, g_loss
