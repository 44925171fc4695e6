"""Centre the data first: subtract each feature's mean (the mean over the rows) before looking for directions of spread. Without it, the first axis mostly points from the origin towards the data's mean, and the variances are wrong."""
import numpy as np


def pca(X, k):
    n = X.shape[0]
    _, s, vt = np.linalg.svd(X, full_matrices=False)
    return vt[:k], s[:k] ** 2 / (n - 1)
