"""Lloyd's step has two separate phases: first assign EVERY point using the old centroids, then recompute the centroids from those assignments. Updating a centroid as soon as a point joins it (an online update) changes the distances seen by the points that come after."""
import numpy as np


def kmeans_step(X, centroids):
    new = centroids.copy()
    counts = np.zeros(len(centroids))
    labels = np.zeros(len(X), dtype=np.int64)
    for i, x in enumerate(X):
        j = int(np.argmin(np.sum((new - x) ** 2, axis=1)))
        labels[i] = j
        counts[j] += 1
        new[j] = x if counts[j] == 1 else new[j] + (x - new[j]) / counts[j]
    return labels, new
