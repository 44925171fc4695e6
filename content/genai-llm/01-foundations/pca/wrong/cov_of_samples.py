"""np.cov treats each ROW as one variable by default, so np.cov(X) is the (n, n) covariance between samples. Here the rows are samples and the columns are features: ask for rowvar=False (or compute the (d, d) covariance of the centred data yourself)."""
import numpy as np


def pca(X, k):
    cov = np.cov(X)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:k]
    return vectors[:, order].T, values[order]
