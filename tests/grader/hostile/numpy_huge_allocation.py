# expect: memory_limit
# ruff: noqa
"""One allocation far beyond the limit: refused under RLIMIT_AS (numpy MemoryError)."""
import numpy as np


def double(x):
    big = np.ones((200_000, 200_000))
    return 2 * x + big[0, 0] - 1
