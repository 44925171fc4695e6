import torch
import torch.nn.functional as F


def gan_losses(
    d_real_logits: torch.Tensor, d_fake_logits: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    # BCE-with-logits(z, 1) = softplus(-z) and BCE-with-logits(z, 0) = softplus(z);
    # F.softplus never exponentiates a large positive number.
    d_loss = F.softplus(-d_real_logits).mean() + F.softplus(d_fake_logits).mean()
    g_loss = F.softplus(-d_fake_logits).mean()  # non-saturating: -log D(G(z))
    return d_loss, g_loss
