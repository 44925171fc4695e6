import numpy as np
import torch

from grader.casekit import Case

GAP = 1e-4  # every hidden u stays this far from every c_j


def _t(array, dtype=torch.float32):
    return torch.tensor(np.asarray(array), dtype=dtype)


def _cdf(logits, temperature, top_k):
    """The contract's c_j per row, in float64 (the same rule as the reference)."""
    z = np.asarray(logits, dtype=np.float32).astype(np.float64) / temperature
    vocab = z.shape[-1]
    if 0 < top_k < vocab:
        order = np.argsort(-z, axis=-1, kind="stable")[:, :top_k]
        keep = np.zeros(z.shape, dtype=bool)
        np.put_along_axis(keep, order, True, axis=-1)
        z = np.where(keep, z, -np.inf)
    p = np.exp(z - z.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    return np.cumsum(p, axis=-1)


def _draws(rng, cdf):
    """One float32 u per row in [0, 1), at least GAP from every c_j of its row."""
    u = np.empty(cdf.shape[0], dtype=np.float32)
    for row, c in enumerate(cdf):
        while True:
            value = np.float32(rng.random())
            if np.abs(c - float(value)).min() >= GAP and float(value) < 1 - GAP:
                u[row] = value
                break
    return u


def _case(rng, logits, temperature, top_k):
    logits = np.asarray(logits, dtype=np.float32)
    u = _draws(rng, _cdf(logits, temperature, top_k))
    return (_t(logits), temperature, top_k, _t(u))


def cases():
    rng = np.random.default_rng(20261207)

    # Visible.
    yield Case(
        "temperature 0.5, top-2 of four tokens",
        args=(_t([[1.0, 3.0, 0.0, 2.5], [1.0, 3.0, 0.0, 2.5]]), 0.5, 2, _t([0.2, 0.9])),
        visible=True,
    )
    yield Case(
        "no truncation (top_k = 0), temperature 2",
        args=(_t([[0.0, 1.0, 2.0]]), 2.0, 0, _t([0.5])),
        visible=True,
    )

    # Hidden: temperature.
    yield Case(
        "temperature below 1 divides", args=_case(rng, rng.normal(size=(16, 10)) * 2, 0.5, 0)
    )
    yield Case(
        "temperature above 1 divides", args=_case(rng, rng.normal(size=(16, 10)) * 2, 2.5, 0)
    )
    yield Case("temperature 1 with top-k", args=_case(rng, rng.normal(size=(16, 12)) * 2, 1.0, 5))
    yield Case(
        "a tiny temperature is nearly greedy",
        args=_case(rng, rng.normal(size=(8, 20)) * 2, 0.05, 0),
    )
    yield Case(
        "a large temperature is nearly uniform",
        args=_case(rng, rng.normal(size=(8, 20)) * 2, 20.0, 0),
    )

    # Hidden: top-k and the CDF.
    yield Case(
        "the CDF runs in vocabulary order",
        args=_case(rng, rng.normal(size=(32, 8)) * 3, 1.0, 0),
    )
    yield Case(
        "kept probabilities are renormalised",
        args=_case(rng, rng.normal(size=(32, 10)) * 1.5, 0.8, 3),
    )
    yield Case("top_k = 1 is greedy", args=_case(rng, rng.normal(size=(12, 9)) * 2, 0.7, 1))
    yield Case(
        "top_k equal to V keeps every token", args=_case(rng, rng.normal(size=(8, 6)), 1.3, 6)
    )
    yield Case("top_k above V keeps every token", args=_case(rng, rng.normal(size=(8, 6)), 1.3, 50))
    yield Case(
        "top-k with temperature on a larger vocabulary",
        args=_case(rng, rng.normal(size=(16, 200)) * 3, 0.7, 40),
    )
    yield Case(
        "large logits stay finite",
        args=_case(rng, rng.normal(size=(8, 12)) * 40, 0.9, 4),
    )
    yield Case("a single row", args=_case(rng, rng.normal(size=(1, 30)) * 2, 1.5, 10))
    yield Case("a one-token vocabulary", args=_case(rng, rng.normal(size=(3, 1)), 0.5, 0))

    # Hidden: ties at the cut-off go to the lower index. Small integer logits tie exactly.
    tied = np.array(
        [
            [3.0, 1.0, 3.0, 2.0, 3.0],
            [2.0, 2.0, 2.0, 2.0, 2.0],
            [0.0, 4.0, 1.0, 4.0, 4.0],
            [1.0, 1.0, 0.0, 1.0, 1.0],
        ]
    )
    logits = np.repeat(tied, 4, axis=0)
    yield Case("ties at the top-k cut-off go to the lower index", args=_case(rng, logits, 1.0, 2))
    yield Case(
        "ties at the cut-off with temperature 0.5",
        args=_case(rng, rng.integers(-2, 3, size=(24, 7)).astype(float), 0.5, 3),
    )
