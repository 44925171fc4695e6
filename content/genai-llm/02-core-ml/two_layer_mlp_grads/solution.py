import numpy as np


def two_layer_mlp_grads(X, y, W1, b1, W2, b2) -> dict:
    n = X.shape[0]
    # forward
    z1 = X @ W1 + b1  # (n, h) pre-activations
    a1 = np.maximum(z1, 0.0)  # ReLU
    logits = a1 @ W2 + b2  # (n, c)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(n)
    loss = -log_probs[rows, y].mean()

    # backward: d(mean cross-entropy)/d(logits) = (softmax - one_hot) / n
    dlogits = np.exp(log_probs)
    dlogits[rows, y] -= 1.0
    dlogits /= n
    dW2 = a1.T @ dlogits
    db2 = dlogits.sum(axis=0)
    da1 = dlogits @ W2.T
    dz1 = da1 * (z1 > 0)  # ReLU'(0) = 0
    dW1 = X.T @ dz1
    db1 = dz1.sum(axis=0)
    return {"loss": float(loss), "W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
