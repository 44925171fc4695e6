import numpy as np

from grader.casekit import Case


def cases():
    rng = np.random.default_rng(20261129)
    yield Case("three logits", args=(np.array([1.0, 2.0, 3.0]),), visible=True)
    yield Case("rows of a matrix", args=(np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]),), visible=True)
    yield Case("columns: axis=0", args=(np.array([[1.0, -1.0], [3.0, 0.5], [0.0, 2.0]]), 0), visible=True)
    yield Case("random 2-d, last axis", args=(rng.normal(size=(7, 11)),))
    yield Case("random 3-d, axis=1", args=(rng.normal(size=(3, 5, 4)) * 3, 1))
    yield Case("random 3-d, axis=-2", args=(rng.normal(size=(4, 6, 2)), -2))
    yield Case("random 3-d, axis=0", args=(rng.normal(size=(5, 2, 3)), 0))
    yield Case("large logits stay finite", args=(np.array([[1e4, 1e4 - 1.0, -1e4], [5e3, 0.0, 9e3]]),))
    yield Case("large negative logits stay finite", args=(np.array([-1e4, -1e4 + 2.0, -9999.5]),))
    yield Case("large logits along axis=0", args=(rng.uniform(-1e4, 1e4, size=(6, 3)), 0))
    yield Case("single element slices", args=(rng.normal(size=(4, 1)),))
    yield Case("equal logits are uniform", args=(np.full((2, 5), 7.0),))
    yield Case("1-d with axis=0", args=(rng.normal(size=9) * 10, 0))
