import math

import numpy as np


def kmeans_step(X, centroids):
    n, d = X.shape
    k = centroids.shape[0]
    labels = np.empty(n, dtype=np.int64)
    for i in range(n):
        best_j, best = 0, math.inf
        for j in range(k):
            dist = math.sqrt(sum((X[i, t] - centroids[j, t]) ** 2 for t in range(d)))
            if dist < best:  # strict: an equal distance keeps the earlier centroid
                best_j, best = j, dist
        labels[i] = best_j
    new = centroids.copy()
    sums = [[0.0] * d for _ in range(k)]
    counts = [0] * k
    for i in range(n):
        counts[labels[i]] += 1
        for t in range(d):
            sums[labels[i]][t] += X[i, t]
    for j in range(k):
        if counts[j]:
            new[j] = [s / counts[j] for s in sums[j]]
    return labels, new
