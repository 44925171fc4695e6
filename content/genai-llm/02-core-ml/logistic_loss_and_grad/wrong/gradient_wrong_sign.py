"""The gradient points the wrong way: the derivative of the loss with respect to a logit is sigmoid(z) - y (the prediction minus the label), not y - sigmoid(z). Gradient descent subtracts the gradient, so with the wrong sign it would climb the loss."""
import numpy as np


def logistic_loss_and_grad(w, X, y):
    z = X @ w
    loss = np.mean(np.logaddexp(0.0, z) - y * z)
    p = 0.5 * (1.0 + np.tanh(0.5 * z))
    return float(loss), X.T @ (y - p) / X.shape[0]
