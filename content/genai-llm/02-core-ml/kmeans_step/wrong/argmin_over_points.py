"""The distance table has one row per point and one column per centroid, shape (n, k). Each point's label is the position of the smallest value in its ROW (axis=1); the minimum over axis=0 gives, for each centroid, its nearest point instead."""
import numpy as np


def kmeans_step(X, centroids):
    sq = np.sum((X[:, None, :] - centroids[None, :, :]) ** 2, axis=2)
    labels = np.argmin(sq, axis=0)
    new = centroids.copy()
    for j in range(len(centroids)):
        if np.any(labels == j):
            new[j] = X[labels == j].mean(axis=0)
    return labels, new
