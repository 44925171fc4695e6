import numpy as np


def cosine_similarity_matrix(A: np.ndarray, B: np.ndarray, eps: float = 1e-8) -> np.ndarray:
    """Cosine similarity of every row of A (n, d) with every row of B (m, d).

    Each row is divided by max(its Euclidean norm, eps), so a zero row has
    similarity 0 with everything. Returns an (n, m) array.
    """
    raise NotImplementedError("implement cosine_similarity_matrix")
