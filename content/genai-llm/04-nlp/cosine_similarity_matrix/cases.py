import numpy as np

from grader.casekit import Case


def _rows(rng, n, d, low=-1.0, high=1.0):
    """Random rows whose lengths spread over several orders of magnitude."""
    X = rng.normal(size=(n, d))
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    return X * 10.0 ** rng.uniform(low, high, size=(n, 1))


def _with_length(rng, n, d, length):
    X = rng.normal(size=(n, d))
    return X / np.linalg.norm(X, axis=1, keepdims=True) * length


def cases():
    rng = np.random.default_rng(20261205)
    yield Case(
        "2-d vectors: same, diagonal, orthogonal, opposite",
        args=(np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 2.0]]), np.array([[1.0, 0.0], [0.0, 3.0], [-2.0, 0.0]])),
        visible=True,
    )
    yield Case(
        "a zero row gives similarity 0",
        args=(np.array([[0.0, 0.0, 0.0], [1.0, 2.0, 2.0]]), np.array([[2.0, 1.0, 2.0], [0.0, 0.0, 0.0]])),
        visible=True,
    )
    yield Case("random rows, n < m", args=(_rows(rng, 3, 4), _rows(rng, 5, 4)))
    yield Case("random rows, n > m", args=(_rows(rng, 7, 6), _rows(rng, 2, 6)))
    yield Case("one query row against many", args=(_rows(rng, 1, 8), _rows(rng, 9, 8)))
    yield Case("many rows against one", args=(_rows(rng, 6, 5), _rows(rng, 1, 5)))
    yield Case("rows of very different lengths", args=(_rows(rng, 8, 3, -3, 3), _rows(rng, 6, 3, -3, 3)))
    yield Case("higher dimension", args=(_rows(rng, 5, 64), _rows(rng, 4, 64)))
    A = _rows(rng, 5, 7)
    yield Case("a matrix against itself", args=(A, A.copy()))
    yield Case("single column vectors", args=(np.array([[2.0], [-0.5], [0.0]]), np.array([[3.0], [-4.0]])))

    A = _rows(rng, 6, 4)
    A[[1, 4]] = 0.0
    yield Case("zero rows in A give similarity 0", args=(A, _rows(rng, 3, 4)))
    B = _rows(rng, 5, 4)
    B[[0, 3]] = 0.0
    yield Case("zero rows in B give similarity 0", args=(_rows(rng, 4, 4), B))
    A, B = _rows(rng, 4, 3), _rows(rng, 4, 3)
    A[2] = 0.0
    B[2] = 0.0
    yield Case("a zero row against a zero row gives 0", args=(A, B))

    # Rows whose length is below eps are divided by eps, not by their own length.
    A = np.vstack([_with_length(rng, 2, 5, 1e-9), _with_length(rng, 2, 5, 3e-10), _rows(rng, 2, 5)])
    B = np.vstack([_with_length(rng, 2, 5, 50.0), _with_length(rng, 1, 5, 0.2)])
    yield Case("rows shorter than eps are divided by eps", args=(A, B))
    A = _rows(rng, 3, 6)
    B = np.vstack([_with_length(rng, 2, 6, 5e-9), _rows(rng, 3, 6)])
    yield Case("short rows in B are divided by eps", args=(A, B))
    yield Case(
        "short rows above eps are still normalised",
        args=(_with_length(rng, 3, 4, 1e-6), np.vstack([_with_length(rng, 2, 4, 2e-7), _rows(rng, 2, 4)])),
    )
    A = np.vstack([_with_length(rng, 2, 3, 0.1), _with_length(rng, 2, 3, 2.0)])
    B = np.vstack([_with_length(rng, 2, 3, 0.25), _with_length(rng, 1, 3, 4.0)])
    yield Case("a custom eps is used", args=(A, B), kwargs={"eps": 0.5})
    A = np.vstack([_with_length(rng, 2, 4, 1e-4), _rows(rng, 2, 4)])
    yield Case("a custom eps passed by position", args=(A, _with_length(rng, 3, 4, 1e-3), 1e-2))

