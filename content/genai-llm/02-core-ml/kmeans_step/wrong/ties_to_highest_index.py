"""When a point is exactly as close to two centroids, it must go to the LOWER index. Comparing with <= while scanning the centroids in order keeps replacing the best with later ties; use a strict < (np.argmin already returns the first minimum)."""
import numpy as np


def kmeans_step(X, centroids):
    n, k = len(X), len(centroids)
    labels = np.zeros(n, dtype=np.int64)
    for i in range(n):
        best = np.inf
        for j in range(k):
            dist = np.sum((X[i] - centroids[j]) ** 2)
            if dist <= best:
                best, labels[i] = dist, j
    new = centroids.copy()
    for j in range(k):
        if np.any(labels == j):
            new[j] = X[labels == j].mean(axis=0)
    return labels, new
