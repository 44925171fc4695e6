import numpy as np


def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    n = X.shape[0]
    centred = X - X.mean(axis=0, keepdims=True)
    # Right singular vectors of the centred data are the eigenvectors of its covariance;
    # the SVD avoids forming X^T X, whose rounding error grows with the squared scale.
    _, singular_values, vt = np.linalg.svd(centred, full_matrices=False)
    # numpy returns the singular values already sorted in decreasing order.
    components = vt[:k]
    explained_variance = singular_values[:k] ** 2 / (n - 1)
    return components, explained_variance
