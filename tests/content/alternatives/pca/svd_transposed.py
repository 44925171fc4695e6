import numpy as np


def pca(X, k):
    # Work with the (d, n) matrix: its left singular vectors are the principal axes.
    centred = (X - np.mean(X, axis=0)).T
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    variance = s**2 / (X.shape[0] - 1)
    # flip each axis so that its largest entry is positive (any sign is accepted)
    u = u * np.sign(u[np.argmax(np.abs(u), axis=0), np.arange(u.shape[1])])
    return tuple([np.ascontiguousarray(u[:, :k].T), variance[:k]])
