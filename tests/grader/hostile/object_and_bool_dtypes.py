# expect: failed
# ruff: noqa
"""Object arrays (elements with their own __eq__), bool and complex arrays are refused."""
import numpy as np


def double(x):
    if isinstance(x, np.ndarray):
        out = np.empty(x.shape, dtype=object)
        out[...] = 0
        return out
    if isinstance(x, int):
        return True
    return (2 * x).to(dtype=__import__("torch").complex64)
