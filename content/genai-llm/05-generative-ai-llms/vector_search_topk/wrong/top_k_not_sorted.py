"""np.argpartition finds the k best rows but leaves them in no particular order. The result must be sorted best first (ties by index): sort the k candidates by their scores afterwards, or sort everything."""
import numpy as np


def vector_search_topk(queries, corpus, k):
    q = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    c = corpus / np.linalg.norm(corpus, axis=1, keepdims=True)
    scores = q @ c.T
    if k < scores.shape[1]:
        order = np.argpartition(-scores, k, axis=1)[:, :k]
    else:
        order = np.tile(np.arange(scores.shape[1]), (scores.shape[0], 1))
    order = np.sort(order, axis=1)
    return order, np.take_along_axis(scores, order, axis=1)
