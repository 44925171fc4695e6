import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # Labels as uint8: any integer dtype is a label (unsigned included).
    diffs = X[:, None, :] - centroids[None, :, :]
    labels = np.argmin(np.sum(diffs * diffs, axis=2), axis=1).astype(np.uint8)
    new_centroids = centroids.copy()
    for j in range(centroids.shape[0]):
        members = labels == j
        if members.any():
            new_centroids[j] = X[members].mean(axis=0)
    return labels, new_centroids
