"""Dividing each cluster's sum by max(count, 1) moves an empty cluster's centroid to the origin. An empty cluster must keep its OLD centroid."""
import numpy as np


def kmeans_step(X, centroids):
    sq = np.sum((X[:, None, :] - centroids[None, :, :]) ** 2, axis=2)
    labels = np.argmin(sq, axis=1)
    k = len(centroids)
    sums = np.zeros_like(centroids)
    np.add.at(sums, labels, X)
    counts = np.bincount(labels, minlength=k)
    return labels, sums / np.maximum(counts, 1)[:, None]
