"""F.binary_cross_entropy on sigmoid probabilities clamps each log at -100, so once sigmoid saturates (|logit| above about 17 in float32) the loss is wrong, e.g. 100 instead of 30 for a fake logit of 30. Use F.binary_cross_entropy_with_logits (or softplus / logsigmoid), which works on the logits themselves."""
import torch
import torch.nn.functional as F


def gan_losses(d_real_logits, d_fake_logits):
    p_real = torch.sigmoid(d_real_logits)
    p_fake = torch.sigmoid(d_fake_logits)
    d_loss = F.binary_cross_entropy(p_real, torch.ones_like(p_real)) + F.binary_cross_entropy(
        p_fake, torch.zeros_like(p_fake)
    )
    g_loss = F.binary_cross_entropy(p_fake, torch.ones_like(p_fake))
    return d_loss, g_loss
