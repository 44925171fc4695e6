import torch
import torch.nn.functional as F


def gan_losses(d_real_logits: torch.Tensor, d_fake_logits: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Discriminator and (non-saturating) generator losses of a GAN, from raw logits.

    d_real_logits  discriminator logits on real data (any shape)
    d_fake_logits  discriminator logits on generated data (any shape)

    Returns (d_loss, g_loss), two scalars:
      d_loss = mean BCE-with-logits(real, target 1) + mean BCE-with-logits(fake, target 0)
      g_loss = mean BCE-with-logits(fake, target 1)
    Must stay finite for logits up to +-100.
    """
    raise NotImplementedError("implement gan_losses")
