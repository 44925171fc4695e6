import numpy as np


def two_layer_mlp_grads(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    c = W2.shape[1]
    onehot = np.eye(c)[y]
    z1 = np.einsum("nd,dh->nh", X, W1) + b1
    a1 = np.where(z1 > 0, z1, 0.0)
    logits = np.einsum("nh,hc->nc", a1, W2) + b2
    m = logits.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    loss = np.mean(lse - np.einsum("nc,nc->n", logits, onehot))
    probs = np.exp(logits - lse[:, None])
    g_logits = (probs - onehot) / n
    g_z1 = np.einsum("nc,hc->nh", g_logits, W2) * (z1 > 0)
    return {
        "loss": loss,  # numpy float64 scalar
        "W1": np.einsum("nd,nh->dh", X, g_z1),
        "b1": np.einsum("nh->h", g_z1),
        "W2": np.einsum("nh,nc->hc", a1, g_logits),
        "b2": np.einsum("nc->c", g_logits),
    }
