"""Selection without a full sort: everything strictly above the k-th best score, then the
lowest-index rows equal to it, then a sort of just those k by (-score, index)."""

import numpy as np


def vector_search_topk(queries, corpus, k):
    qn = queries / np.sqrt((queries**2).sum(axis=1, keepdims=True))
    cn = corpus / np.sqrt((corpus**2).sum(axis=1, keepdims=True))
    scores = np.einsum("qd,nd->qn", qn, cn)
    out_idx = []
    for row in scores:
        kth = np.partition(row, row.size - k)[row.size - k]  # the k-th largest value
        above = np.flatnonzero(row > kth)
        equal = np.flatnonzero(row == kth)[: k - above.size]
        chosen = np.concatenate([above, equal])
        chosen = chosen[np.lexsort((chosen, -row[chosen]))]
        out_idx.append(chosen)
    idx = np.array(out_idx, dtype=np.int64)
    return idx, np.take_along_axis(scores, idx, axis=1)
