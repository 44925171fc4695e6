import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One step of Lloyd's k-means algorithm.

    X: (n, d) points; centroids: (k, d). Return (labels, new_centroids):
      labels         (n,) integers: index of each point's nearest centroid (Euclidean),
                     ties to the lowest index
      new_centroids  (k, d): mean of the points assigned to each centroid; a centroid
                     with no points keeps its old position
    """
    raise NotImplementedError("implement kmeans_step")
