"""k-means uses the Euclidean distance: the square root of the sum of SQUARED coordinate differences (or just that sum: the square root doesn't change the nearest). The sum of absolute differences (Manhattan distance) can pick a different nearest centroid."""
import numpy as np


def kmeans_step(X, centroids):
    dist = np.sum(np.abs(X[:, None, :] - centroids[None, :, :]), axis=2)
    labels = np.argmin(dist, axis=1)
    new = centroids.copy()
    for j in range(len(centroids)):
        if np.any(labels == j):
            new[j] = X[labels == j].mean(axis=0)
    return labels, new
