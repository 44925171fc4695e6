"""Pair by pair with the math module."""

import math

import numpy as np


def cosine_similarity_matrix(A, B, eps=1e-8):
    a_len = [max(math.sqrt(sum(x * x for x in row)), eps) for row in A.tolist()]
    b_len = [max(math.sqrt(sum(x * x for x in row)), eps) for row in B.tolist()]
    out = np.zeros((A.shape[0], B.shape[0]))
    for i, a in enumerate(A.tolist()):
        for j, b in enumerate(B.tolist()):
            out[i, j] = sum(x * y for x, y in zip(a, b, strict=True)) / (a_len[i] * b_len[j])
    return out
