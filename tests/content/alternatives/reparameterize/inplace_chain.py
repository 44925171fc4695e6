"""The style of early PyTorch VAE examples: logvar.mul(0.5).exp_(), then eps.mul(std).add_(mu)."""


def reparameterize(mu, logvar, eps):
    std = logvar.mul(0.5).exp_()
    return eps.mul(std).add_(mu)
