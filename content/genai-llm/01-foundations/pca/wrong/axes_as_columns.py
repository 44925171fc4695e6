"""The principal axes must be the rows of the result, shape (k, d). np.linalg.eigh returns eigenvectors as columns (vectors[:, i]); transpose before returning."""
import numpy as np


def pca(X, k):
    centred = X - X.mean(axis=0)
    cov = centred.T @ centred / (X.shape[0] - 1)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:k]
    return vectors[:, order], values[order]
