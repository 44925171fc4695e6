import numpy as np


def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Principal component analysis of the rows of X (n samples, d features).

    Return (components, explained_variance):
      components          (k, d): unit-norm principal axes as rows, largest variance first
      explained_variance  (k,):   sample variance (ddof=1) of the data along each axis
    """
    raise NotImplementedError("implement pca")
