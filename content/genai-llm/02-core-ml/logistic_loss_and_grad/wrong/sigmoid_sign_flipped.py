"""Check your sigmoid: s(z) = 1 / (1 + e^(-z)), so s(0) = 1/2 and s(z) goes to 1 as z grows. Here it goes to 0, which turns every confident prediction around."""
import numpy as np


def logistic_loss_and_grad(w, X, y):
    z = X @ w
    p = 1.0 / (1.0 + np.exp(z))
    loss = np.mean(np.logaddexp(0.0, -z) - y * (-z))
    return float(loss), X.T @ (p - y) / X.shape[0]
