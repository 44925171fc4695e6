"""Each ROW is a vector: take its length along axis=1 (keepdims=True so that it broadcasts). Normalising along axis=0 rescales the columns, i.e. the features, instead."""
import numpy as np


def vector_search_topk(queries, corpus, k):
    with np.errstate(invalid="ignore", divide="ignore"):
        q = queries / np.linalg.norm(queries, axis=0, keepdims=True)
        c = corpus / np.linalg.norm(corpus, axis=0, keepdims=True)
        scores = q @ c.T
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return order, np.take_along_axis(scores, order, axis=1)
