import numpy as np


def vector_search_topk(queries: np.ndarray, corpus: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact nearest-neighbour search by cosine similarity.

    queries (q, d), corpus (n, d). For every query, return the k corpus rows with the
    highest cosine similarity, best first, equal scores in increasing corpus index:
    (indices (q, k) int64, scores (q, k) float).
    """
    raise NotImplementedError("implement vector_search_topk")
