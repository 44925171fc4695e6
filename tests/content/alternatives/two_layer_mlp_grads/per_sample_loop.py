import numpy as np


def two_layer_mlp_grads(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    grads = {"W1": np.zeros_like(W1), "b1": np.zeros_like(b1), "W2": np.zeros_like(W2), "b2": np.zeros_like(b2)}
    total = 0.0
    for i in range(n):
        x = X[i]
        z = x @ W1 + b1
        a = np.maximum(z, 0.0)
        s = a @ W2 + b2
        s = s - s.max()
        p = np.exp(s) / np.exp(s).sum()
        total += -np.log(p[y[i]])
        ds = p.copy()
        ds[y[i]] -= 1.0
        grads["W2"] += np.outer(a, ds)
        grads["b2"] += ds
        dz = (W2 @ ds) * (z > 0)
        grads["W1"] += np.outer(x, dz)
        grads["b1"] += dz
    out = {k: v / n for k, v in grads.items()}
    out["loss"] = np.array(total / n)  # a 0-d array
    return out
