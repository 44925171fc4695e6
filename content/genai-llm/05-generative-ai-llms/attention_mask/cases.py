import numpy as np
import torch

from grader.casekit import Case


def _lengths(values):
    return torch.tensor(values, dtype=torch.int64)


def cases():
    rng = np.random.default_rng(20261203)

    # Visible: small enough to read the whole grid.
    yield Case("padding only: lengths [3, 1], L = 3", args=(_lengths([3, 1]), 3), visible=True)
    yield Case(
        "causal and padding: lengths [2, 3], L = 3",
        args=(_lengths([2, 3]), 3, True),
        visible=True,
    )

    # Hidden.
    yield Case("no padding, not causal: everything allowed", args=(_lengths([4, 4]), 4))
    yield Case("no padding, causal: the lower triangle", args=(_lengths([5]), 5, True))
    yield Case("length 1: only the first key", args=(_lengths([1, 3, 1]), 3))
    yield Case("length 1 with causal", args=(_lengths([1, 2]), 4, True))
    yield Case("L = 1", args=(_lengths([1, 1]), 1, True))
    yield Case(
        "padded query rows are not blocked",
        args=(_lengths(rng.integers(1, 7, size=5)), 8),
    )
    yield Case(
        "padded query rows are not blocked, causal",
        args=(_lengths(rng.integers(1, 7, size=5)), 8, True),
    )
    yield Case(
        "random lengths, longer sequences",
        args=(_lengths(rng.integers(1, 17, size=6)), 16),
    )
    yield Case(
        "random lengths, longer sequences, causal",
        args=(_lengths(rng.integers(1, 17, size=6)), 16, True),
    )
    yield Case(
        "causal passed as a keyword",
        args=(_lengths(rng.integers(1, 7, size=3)), 6),
        kwargs={"causal": True},
    )
    yield Case(
        "causal=False passed as a keyword",
        args=(_lengths(rng.integers(1, 7, size=3)), 6),
        kwargs={"causal": False},
    )
    yield Case("a single sequence of length L", args=(_lengths([7]), 7))
