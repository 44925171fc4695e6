"""A cluster that received no points has no mean: averaging an empty selection gives NaN (with a "Mean of empty slice" warning). Check whether each cluster has any points, and if not, keep its old centroid."""
import numpy as np


def kmeans_step(X, centroids):
    sq = np.sum((X[:, None, :] - centroids[None, :, :]) ** 2, axis=2)
    labels = np.argmin(sq, axis=1)
    new = np.array([X[labels == j].mean(axis=0) for j in range(len(centroids))])
    return labels, new
