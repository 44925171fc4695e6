# expect: failed
# ruff: noqa
"""Keep references to earlier inputs and scribble on them later, hoping a shared buffer
corrupts other cases (or the reference). Each case is decoded fresh: only its own answer is
wrong."""
import numpy as np

KEPT = []


def double(x):
    for old in KEPT:
        if isinstance(old, np.ndarray):
            old[...] = 0
    KEPT.append(x)
    if len(KEPT) == 1:
        return 2 * x
    return x * 0
