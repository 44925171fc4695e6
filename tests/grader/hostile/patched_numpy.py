# expect: failed
# ruff: noqa
"""Make numpy agree with everything, in the hope the comparison runs here. It does not."""
import numpy as np

np.allclose = lambda *a, **k: True
np.isclose = lambda a, b, *r, **k: np.ones(np.shape(a), dtype=bool)
np.array_equal = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None


def double(x):
    return x + 1
