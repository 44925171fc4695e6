import numpy as np


def vector_search_topk(queries: np.ndarray, corpus: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    q_unit = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    c_unit = corpus / np.linalg.norm(corpus, axis=1, keepdims=True)
    scores = q_unit @ c_unit.T  # (q, n) cosine similarities
    # A stable sort of -scores puts the best first and keeps equal scores in index order.
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return order.astype(np.int64), np.take_along_axis(scores, order, axis=1)
