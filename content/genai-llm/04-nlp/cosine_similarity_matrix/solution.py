import numpy as np


def cosine_similarity_matrix(A: np.ndarray, B: np.ndarray, eps: float = 1e-8) -> np.ndarray:
    # Divide each row by max(its norm, eps): a zero row stays zero instead of becoming NaN.
    a_norm = np.maximum(np.linalg.norm(A, axis=1, keepdims=True), eps)
    b_norm = np.maximum(np.linalg.norm(B, axis=1, keepdims=True), eps)
    return (A / a_norm) @ (B / b_norm).T
