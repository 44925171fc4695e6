"""Each ROW is a vector: take the length along axis=1 (one length per row, keepdims=True so that it broadcasts), not along axis=0, which measures the columns."""
import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    A_unit = A / np.maximum(np.linalg.norm(A, axis=0, keepdims=True), eps)
    B_unit = B / np.maximum(np.linalg.norm(B, axis=0, keepdims=True), eps)
    return A_unit @ B_unit.T
