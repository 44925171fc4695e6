"""Clipping the probability (or adding a small epsilon inside the log) avoids NaN but caps each sample's loss at about -log(eps): a prediction with logit -1000 for a label 1 should cost 1000, not 34.5. Work with the logits directly: the per-sample loss is log(1 + e^z) - y z, computed stably."""
import numpy as np


def logistic_loss_and_grad(w, X, y):
    z = X @ w
    p = 1.0 / (1.0 + np.exp(-z))
    q = np.clip(p, 1e-15, 1 - 1e-15)
    loss = -np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))
    return float(loss), X.T @ (p - y) / X.shape[0]
