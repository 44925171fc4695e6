"""softplus(z) = log(e^0 + e^z) = logaddexp(0, z), summed then divided by the count."""
import torch


def gan_losses(d_real_logits, d_fake_logits):
    zero_r = torch.zeros_like(d_real_logits)
    zero_f = torch.zeros_like(d_fake_logits)
    d_loss = (
        torch.logaddexp(zero_r, -d_real_logits).sum() / d_real_logits.numel()
        + torch.logaddexp(zero_f, d_fake_logits).sum() / d_fake_logits.numel()
    )
    g_loss = torch.logaddexp(zero_f, -d_fake_logits).sum() / d_fake_logits.numel()
    return d_loss, g_loss
