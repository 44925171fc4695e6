import numpy as np


def logistic_loss_and_grad(w, X, y):
    z = X @ w
    # log s(z) = -logaddexp(0, -z), log(1 - s(z)) = -logaddexp(0, z)
    loss = np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
    p = np.exp(-np.logaddexp(0.0, -z))  # sigmoid, never overflows
    grad = (p - y) @ X / len(y)
    return loss, grad  # numpy float64 scalar for the loss
