"""Reversing an ascending sort (argsort(...)[:, ::-1]) also reverses the order of equal scores, so copies of a row come out highest index first. Ties must go to the LOWER corpus index: sort -scores with kind="stable" instead of reversing."""
import numpy as np


def vector_search_topk(queries, corpus, k):
    q = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    c = corpus / np.linalg.norm(corpus, axis=1, keepdims=True)
    scores = q @ c.T
    order = np.argsort(scores, axis=1, kind="stable")[:, ::-1][:, :k]
    return order, np.take_along_axis(scores, order, axis=1)
