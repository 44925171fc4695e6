import numpy as np


def kmeans_step(X, centroids):
    dist = np.linalg.norm(X[:, None, :] - centroids[None, :, :], axis=-1)
    labels = np.argmin(dist, axis=-1)
    k = centroids.shape[0]
    onehot = (labels[:, None] == np.arange(k)[None, :]).astype(X.dtype)  # (n, k)
    counts = onehot.sum(axis=0)
    means = (onehot.T @ X) / np.where(counts > 0, counts, 1.0)[:, None]
    new = np.where((counts > 0)[:, None], means, centroids)
    return labels, new
