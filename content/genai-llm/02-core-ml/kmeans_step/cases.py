import numpy as np

from grader.casekit import Case


def _clear_margin(X, C):
    """True where a point's nearest centroid wins by a margin no rounding can upset."""
    sq = np.sum((X[:, None, :] - C[None, :, :]) ** 2, axis=2)
    if C.shape[0] == 1:
        return np.ones(X.shape[0], dtype=bool)
    two = np.sort(sq, axis=1)[:, :2]
    scale = 1.0 + np.max(np.sum(X * X, axis=1)) + np.max(np.sum(C * C, axis=1))
    return two[:, 1] - two[:, 0] > 1e-7 * scale


def _random(rng, n, d, k, spread=1.0, offset=0.0):
    """Random points around k random centres; points without a clear nearest centroid
    are redrawn, so that every correct way of computing distances agrees."""
    C = rng.normal(size=(k, d)) * 2.0 + offset
    X = C[rng.integers(0, k, size=n)] + spread * rng.normal(size=(n, d))
    for _ in range(100):
        bad = ~_clear_margin(X, C)
        if not bad.any():
            return X, C
        X[bad] = C[rng.integers(0, k, size=bad.sum())] + spread * rng.normal(size=(bad.sum(), d))
    raise AssertionError("could not draw points with a clear nearest centroid")


def cases():
    rng = np.random.default_rng(405_2026)
    yield Case(
        "six points, two centroids",
        args=(
            np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0], [5.0, 7.0]]),
            np.array([[1.0, 1.0], [4.0, 4.0]]),
        ),
        visible=True,
    )
    yield Case(
        "a point halfway between two centroids goes to the lower index",
        args=(np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 0.0]]), np.array([[1.0, 0.0], [3.0, 0.0]])),
        visible=True,
    )
    yield Case(
        "a centroid with no points keeps its position",
        args=(
            np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [9.0, 8.0]]),
            np.array([[1.0, 1.0], [20.0, -20.0], [10.0, 10.0]]),
        ),
        visible=True,
    )

    yield Case("random: 30 points in 2-d, 3 clusters", args=_random(rng, 30, 2, 3))
    yield Case("random: 100 points in 5-d, 4 clusters", args=_random(rng, 100, 5, 4, spread=1.5))
    yield Case("random: 200 points in 3-d, 8 clusters", args=_random(rng, 200, 3, 8))
    yield Case("random: 60 points in 8-d, 10 clusters", args=_random(rng, 60, 8, 10, spread=2.0))
    yield Case("random: points on a line (d = 1)", args=_random(rng, 25, 1, 3))
    yield Case("random: data far from the origin", args=_random(rng, 40, 2, 3, spread=0.5, offset=500.0))
    X, _ = _random(rng, 20, 3, 2)
    yield Case("a single centroid takes every point", args=(X, rng.normal(size=(1, 3))))
    yield Case(
        "a single point: the other clusters are empty",
        args=(np.array([[0.5, -1.5]]), np.array([[3.0, 3.0], [0.0, -1.0], [-4.0, 2.0]])),
    )
    X, C = _random(rng, 30, 2, 3)
    C = np.vstack([C, [[100.0, 100.0], [-100.0, 50.0]]])
    yield Case("two far-away centroids stay empty", args=(X, C))
    yield Case(
        "duplicate centroids: the later copy gets no points",
        args=(np.array([[0.0, 0.0], [1.0, 1.0], [4.0, 4.0], [5.0, 4.0]]),
              np.array([[1.0, 0.0], [4.0, 5.0], [1.0, 0.0]])),
    )
    grid = np.array([[x, y] for x in range(-2, 5) for y in range(-2, 5)], dtype=float)
    yield Case(
        "ties on an integer grid go to the lowest index",
        args=(grid, np.array([[2.0, 2.0], [0.0, 0.0], [2.0, 0.0], [0.0, 2.0]])),
    )
    yield Case(
        "ties between a later and an earlier centroid",
        args=(np.array([[3.0, 0.0], [1.0, 1.0], [0.0, 0.0], [5.0, 3.0], [3.0, 1.0], [3.0, 4.0]]),
              np.array([[5.0, 5.0], [4.0, 0.0], [0.0, 2.0], [2.0, 0.0]])),
    )
    yield Case(
        "three-way ties in 3-d",
        args=(np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [2.0, 2.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [4.0, 4.0, 4.0]]),
              np.array([[5.0, 5.0, 5.0], [0.0, 2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 2.0]])),
    )
    yield Case(
        "Euclidean distance, not Manhattan or Chebyshev",
        args=(np.array([[0.0, 0.0], [10.0, 10.0], [1.0, -1.0]]),
              np.array([[3.0, 3.0], [5.0, 0.0], [14.0, 10.0], [13.0, 13.0]])),
    )
    yield Case(
        "a point exactly on a centroid",
        args=(np.array([[1.0, 2.0], [3.0, 4.0], [1.5, 2.0]]), np.array([[3.0, 4.0], [1.0, 2.0]])),
    )
