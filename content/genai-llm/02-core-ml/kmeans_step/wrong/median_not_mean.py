"""The update step of k-means moves each centroid to the MEAN of its points (that is what minimises the sum of squared distances). The coordinate-wise median belongs to k-medians."""
import numpy as np


def kmeans_step(X, centroids):
    sq = np.sum((X[:, None, :] - centroids[None, :, :]) ** 2, axis=2)
    labels = np.argmin(sq, axis=1)
    new = centroids.copy()
    for j in range(len(centroids)):
        if np.any(labels == j):
            new[j] = np.median(X[labels == j], axis=0)
    return labels, new
