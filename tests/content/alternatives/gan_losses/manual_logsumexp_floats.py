"""softplus(z) = max(z, 0) + log1p(exp(-|z|)), in float64; returns two Python floats."""
import torch


def _softplus(z):
    z = z.double()
    return torch.clamp(z, min=0) + torch.log1p(torch.exp(-z.abs()))


def gan_losses(d_real_logits, d_fake_logits):
    d_loss = _softplus(-d_real_logits).mean() + _softplus(d_fake_logits).mean()
    g_loss = _softplus(-d_fake_logits).mean()
    return (float(d_loss), float(g_loss))
