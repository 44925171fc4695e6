import numpy as np


def kmeans_step(X, centroids):
    # |x - c|^2 = |x|^2 - 2 x.c + |c|^2
    sq = (
        np.einsum("nd,nd->n", X, X)[:, None]
        - 2.0 * X @ centroids.T
        + np.einsum("kd,kd->k", centroids, centroids)[None, :]
    )
    labels = sq.argmin(axis=1).astype(np.int32)  # any integer dtype is accepted
    k, d = centroids.shape
    counts = np.bincount(labels, minlength=k)
    sums = np.stack([np.bincount(labels, weights=X[:, t], minlength=k) for t in range(d)], axis=1)
    safe = np.maximum(counts, 1)[:, None]
    new = np.where(counts[:, None] > 0, sums / safe, centroids)
    return [labels, new]
