import numpy as np


def pca(X, k):
    cov = np.atleast_2d(np.cov(X, rowvar=False))  # ddof=1 by default
    values, vectors = np.linalg.eigh(cov)
    values, vectors = values[::-1], vectors[:, ::-1]
    # a list, not a tuple, and float32-free Python loop to normalise each axis
    comps = np.empty((k, X.shape[1]))
    for i in range(k):
        v = vectors[:, i]
        comps[i] = v / np.sqrt(np.dot(v, v))
    return [comps, np.array(values[:k])]
