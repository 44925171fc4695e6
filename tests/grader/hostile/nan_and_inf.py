# expect: failed
# ruff: noqa
"""NaN compares unequal to everything, so a naive 'not (a != b)' check would pass it."""
import numpy as np


def double(x):
    if isinstance(x, int):
        return float("nan")
    return x * np.nan if isinstance(x, np.ndarray) else x * float("inf")
