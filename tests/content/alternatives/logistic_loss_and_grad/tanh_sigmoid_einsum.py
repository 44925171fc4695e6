import numpy as np


def logistic_loss_and_grad(w, X, y):
    z = np.einsum("nd,d->n", X, w)
    # softplus(z) = relu(z) + log1p(exp(-|z|)); sigmoid(z) = (1 + tanh(z/2)) / 2
    loss = np.mean(np.where(z > 0, z, 0.0) + np.log1p(np.exp(-np.abs(z))) - y * z)
    p = 0.5 * (1.0 + np.tanh(0.5 * z))
    grad = np.einsum("nd,n->d", X, p - y) / X.shape[0]
    return (np.asarray(loss), grad)  # 0-d array for the loss
