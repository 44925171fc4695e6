"""np.linalg.eigh returns the eigenvalues in increasing order, so its last columns are the largest ones but in reverse. The result must list the axes by decreasing explained variance: sort (or reverse) before you slice."""
import numpy as np


def pca(X, k):
    centred = X - X.mean(axis=0)
    cov = centred.T @ centred / (X.shape[0] - 1)
    values, vectors = np.linalg.eigh(cov)
    return vectors[:, -k:].T, values[-k:]
