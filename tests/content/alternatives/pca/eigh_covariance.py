import numpy as np


def pca(X, k):
    n = X.shape[0]
    centred = X - X.mean(axis=0)
    cov = centred.T @ centred / (n - 1)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:k]
    return vectors[:, order].T, values[order]
