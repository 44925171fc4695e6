# expect: memory_limit|timeout
# ruff: noqa
"""The bomb goes off while the module loads, before the entry point is ever called."""
import numpy as np

HOARD = [np.full(10_000_000, 1.0) for _ in range(100)]


def double(x):
    return 2 * x
