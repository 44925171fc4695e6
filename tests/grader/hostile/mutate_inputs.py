# expect: passed
# ruff: noqa
"""Double the input in place and return it. Each case gets a fresh copy, and the reference
never shares inputs with the sandbox: in-place work is fine."""
import numpy as np

SEEN = []


def double(x):
    SEEN.append(x)
    if isinstance(x, np.ndarray):
        x *= 2
        return x
    if hasattr(x, "detach"):
        return x * 2 if x.requires_grad else x.mul_(2)
    return 2 * x
