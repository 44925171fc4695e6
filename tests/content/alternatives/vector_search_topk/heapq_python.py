"""Plain Python per query: heapq.nsmallest on (-score, index); results as a list of arrays."""

import heapq
import math

import numpy as np


def vector_search_topk(queries, corpus, k):
    rows = [np.asarray(r) / math.sqrt(float(np.dot(r, r))) for r in corpus]
    all_idx, all_scores = [], []
    for query in queries:
        qu = query / math.sqrt(float(np.dot(query, query)))
        scored = [(-float(np.dot(qu, r)), j) for j, r in enumerate(rows)]
        best = heapq.nsmallest(k, scored)
        all_idx.append([j for _, j in best])
        all_scores.append([-s for s, _ in best])
    return [np.array(all_idx, dtype=np.int64), np.array(all_scores)]
