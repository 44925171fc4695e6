"""torch: F.normalize, then a stable descending sort (equal scores keep index order)."""

import torch
import torch.nn.functional as F


def vector_search_topk(queries, corpus, k):
    q = F.normalize(torch.from_numpy(queries), dim=1)
    c = F.normalize(torch.from_numpy(corpus), dim=1)
    scores = q @ c.T
    values, indices = torch.sort(scores, dim=1, descending=True, stable=True)
    return indices[:, :k], values[:, :k]
