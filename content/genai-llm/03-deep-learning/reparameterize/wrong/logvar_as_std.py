"""logvar is a log-variance, any real number, not the standard deviation itself: sigma = exp(0.5 * logvar), which is always positive."""
import torch


def reparameterize(mu, logvar, eps):
    return mu + logvar * eps
