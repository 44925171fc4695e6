import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    # Returns a float64 ndarray, an accepted result type.
    a = x.detach().numpy().astype(np.float64)
    mean = a.mean(axis=-1, keepdims=True)
    var = a.var(axis=-1, keepdims=True)  # ddof=0 by default
    return (a - mean) / np.sqrt(var + eps) * gamma.numpy().astype(np.float64) + beta.numpy()
