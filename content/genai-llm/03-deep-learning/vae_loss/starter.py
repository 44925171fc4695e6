import torch
import torch.nn.functional as F


def vae_loss(recon_logits: torch.Tensor, x: torch.Tensor, mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    """The negative ELBO of a VAE with a Bernoulli decoder, averaged over the batch.

    recon_logits  (B, D)  decoder logits for each pixel
    x             (B, D)  targets in [0, 1]
    mu, logvar    (B, Z)  the encoder's mean and log-variance

    Returns a scalar: mean over the batch of
    [sum over D of BCE-with-logits(recon_logits, x) + KL(N(mu, exp(logvar)) || N(0, I))].
    """
    raise NotImplementedError("implement vae_loss")
