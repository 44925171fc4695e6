"""np.lexsort with the corpus index as the secondary key; cosines via matmul then division."""

import numpy as np


def vector_search_topk(queries, corpus, k):
    dots = queries @ corpus.T
    q_len = np.linalg.norm(queries, axis=1)[:, None]
    c_len = np.linalg.norm(corpus, axis=1)[None, :]
    scores = dots / q_len / c_len
    n = corpus.shape[0]
    idx = np.empty((queries.shape[0], k), dtype=np.int64)
    for i in range(queries.shape[0]):
        idx[i] = np.lexsort((np.arange(n), -scores[i]))[:k]
    return idx, np.take_along_axis(scores, idx, axis=1)
