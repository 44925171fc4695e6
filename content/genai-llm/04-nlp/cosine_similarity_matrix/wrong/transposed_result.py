"""The result is (n, m): row i belongs to row i of A and column j to row j of B. Computing B against A gives the transpose."""
import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    A_unit = A / np.maximum(np.linalg.norm(A, axis=1, keepdims=True), eps)
    B_unit = B / np.maximum(np.linalg.norm(B, axis=1, keepdims=True), eps)
    return B_unit @ A_unit.T
