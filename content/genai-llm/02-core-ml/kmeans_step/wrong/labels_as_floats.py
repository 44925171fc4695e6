"""The labels are indices, so they must be an integer array (np.int64). An array made with np.zeros(n) is float64, and so stays everything stored into it: give it dtype=np.int64, or use what np.argmin returns."""
import numpy as np


def kmeans_step(X, centroids):
    labels = np.zeros(len(X))
    for i, x in enumerate(X):
        labels[i] = np.argmin(np.sum((centroids - x) ** 2, axis=1))
    new = centroids.copy()
    for j in range(len(centroids)):
        if np.any(labels == j):
            new[j] = X[labels == j].mean(axis=0)
    return labels, new
