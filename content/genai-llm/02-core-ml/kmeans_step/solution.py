import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # Squared Euclidean distances, shape (n, k), from explicit differences (exact for
    # small integer coordinates, so ties stay ties).
    diffs = X[:, None, :] - centroids[None, :, :]
    sq_dists = np.sum(diffs * diffs, axis=2)
    # argmin returns the first minimum: ties go to the lowest centroid index.
    labels = np.argmin(sq_dists, axis=1).astype(np.int64)
    new_centroids = centroids.copy()
    for j in range(centroids.shape[0]):
        members = labels == j
        if members.any():  # an empty cluster keeps its old centroid
            new_centroids[j] = X[members].mean(axis=0)
    return labels, new_centroids
