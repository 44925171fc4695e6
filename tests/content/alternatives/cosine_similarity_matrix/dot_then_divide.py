"""All dot products first, then divide by the outer product of the clamped lengths."""

import numpy as np


def cosine_similarity_matrix(A: np.ndarray, B: np.ndarray, eps: float = 1e-8) -> np.ndarray:
    a = np.clip(np.sqrt(np.einsum("ij,ij->i", A, A)), eps, None)
    b = np.clip(np.sqrt(np.einsum("ij,ij->i", B, B)), eps, None)
    return np.einsum("id,jd->ij", A, B) / a[:, None] / b[None, :]
