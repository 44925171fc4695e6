"""The gradient is right but the loss is n times too large: return the MEAN binary cross-entropy over the samples, not the sum."""
import numpy as np


def logistic_loss_and_grad(w, X, y):
    z = X @ w
    loss = np.sum(np.logaddexp(0.0, z) - y * z)
    p = 0.5 * (1.0 + np.tanh(0.5 * z))
    return float(loss), X.T @ (p - y) / X.shape[0]
