"""The axes are right, but the second result should be the variance along each axis, not the singular value of the centred data. If s is a singular value of the centred data, the variance along its axis is s**2 / (n - 1)."""
import numpy as np


def pca(X, k):
    centred = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    return vt[:k], s[:k]
