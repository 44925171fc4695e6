"""The simplification log(1 + e^z) - y z is right, but np.exp(z) overflows to inf once z is above about 709, so log(1 + exp(z)) becomes inf. Compute log(1 + e^z) as max(z, 0) + log1p(exp(-|z|)) (or np.logaddexp(0, z)): it only ever exponentiates a non-positive number."""
import numpy as np


def logistic_loss_and_grad(w, X, y):
    z = X @ w
    p = 1.0 / (1.0 + np.exp(-z))
    loss = np.mean(np.log(1.0 + np.exp(z)) - y * z)
    return float(loss), X.T @ (p - y) / len(y)
