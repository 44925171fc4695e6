"""np.linalg.eig returns eigenvalues in no particular order (and as a general, possibly complex, solver). Sort the eigenpairs by decreasing eigenvalue yourself, or use np.linalg.eigh for the symmetric covariance matrix and reverse its increasing order."""
import numpy as np


def pca(X, k):
    centred = X - X.mean(axis=0)
    values, vectors = np.linalg.eig(centred.T @ centred / (X.shape[0] - 1))
    return vectors[:, :k].T.real, values[:k].real
