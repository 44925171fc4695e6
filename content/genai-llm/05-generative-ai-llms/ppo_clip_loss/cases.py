import numpy as np
import torch

from grader.casekit import Case

GRAD = (0,)  # every case compares d loss / d logp_new as well as the loss


def _t(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values, dtype=np.float64), dtype=torch.float32)


def _bool(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values, dtype=bool))


def _logps(rng, shape, clip_eps: float, *, spread: float = 0.3):
    """(logp_new, logp_old) with every ratio at least 5e-3 away from 1 - eps and 1 + eps."""
    old = -rng.uniform(0.2, 6.0, size=shape)
    delta = rng.normal(scale=spread, size=shape)
    while True:
        new32 = np.asarray(_t(old + delta), dtype=np.float64)
        ratio = np.exp(new32 - np.asarray(_t(old), dtype=np.float64))
        near = (np.abs(ratio - (1 - clip_eps)) < 5e-3) | (np.abs(ratio - (1 + clip_eps)) < 5e-3)
        if not near.any():
            return _t(old + delta), _t(old)
        delta[near] = rng.normal(scale=spread, size=int(near.sum()))


def _padding_mask(rng, batch: int, length: int) -> torch.Tensor:
    """Right-padded sequences of different lengths (each at least one token)."""
    lengths = rng.integers(1, length + 1, size=batch)
    return _bool(np.arange(length)[None, :] < lengths[:, None])


def _from_ratios(old, ratios):
    old = np.asarray(old, dtype=np.float64)
    return _t(old + np.log(np.asarray(ratios, dtype=np.float64))), _t(old)


def cases():
    rng = np.random.default_rng(20261209)

    # Visible: the four regimes of the clip, a mask, and a different clip_eps.
    new, old = _from_ratios([-1.0, -2.0, -0.5, -1.5, -3.0], [1.5, 1.5, 0.5, 0.5, 1.0])
    yield Case(
        "five tokens: clipped and unclipped, both signs (the statement's example)",
        args=(new, old, _t([1.0, -1.0, 1.0, -1.0, 2.0])),
        grad_wrt=GRAD,
        visible=True,
    )
    new, old = _from_ratios([[-1.0, -2.0, -1.0], [-0.5, -1.0, -3.0]], [[1.1, 1.5, 1.0], [0.9, 2.0, 0.5]])
    yield Case(
        "a mask: padded tokens do not count",
        args=(new, old, _t([[1.0, 1.0, -1.0], [-2.0, 3.0, 5.0]])),
        kwargs={"mask": _bool([[True, True, False], [True, False, False]])},
        grad_wrt=GRAD,
        visible=True,
    )
    new, old = _from_ratios([-1.0, -1.0, -1.0, -1.0], [1.05, 1.2, 0.85, 0.7])
    yield Case(
        "clip_eps = 0.1",
        args=(new, old, _t([1.0, 1.0, -1.0, -1.0]), 0.1),
        grad_wrt=GRAD,
        visible=True,
    )

    # Hidden.
    new, old = _logps(rng, (4, 16), 0.2)
    yield Case("random batch, no mask", args=(new, old, _t(rng.normal(size=(4, 16)))), grad_wrt=GRAD)
    new, old = _logps(rng, (6, 12), 0.2)
    yield Case(
        "right-padded sequences of different lengths",
        args=(new, old, _t(rng.normal(size=(6, 12)))),
        kwargs={"mask": _padding_mask(rng, 6, 12)},
        grad_wrt=GRAD,
    )
    new, old = _logps(rng, (3, 10), 0.2)
    scattered = rng.random(size=(3, 10)) < 0.4
    scattered[0, 0] = True
    yield Case(
        "a scattered mask (prompt tokens excluded)",
        args=(new, old, _t(rng.normal(size=(3, 10))), 0.2, _bool(scattered)),
        grad_wrt=GRAD,
    )
    new, old = _logps(rng, (2, 8), 0.3, spread=0.5)
    yield Case(
        "clip_eps = 0.3 with a mask, both as keywords",
        args=(new, old, _t(rng.normal(size=(2, 8)))),
        kwargs={"clip_eps": 0.3, "mask": _padding_mask(rng, 2, 8)},
        grad_wrt=GRAD,
    )
    new, old = _logps(rng, (5, 6), 0.1)
    yield Case("clip_eps = 0.1, no mask", args=(new, old, _t(rng.normal(size=(5, 6))), 0.1), grad_wrt=GRAD)
    new, old = _logps(rng, (3, 7), 0.2, spread=0.8)
    yield Case(
        "ratios far outside the clip range",
        args=(new, old, _t(rng.normal(size=(3, 7)) * 2)),
        grad_wrt=GRAD,
    )
    new, old = _logps(rng, (4, 5), 0.2)
    yield Case("positive advantages only", args=(new, old, _t(rng.uniform(0.1, 2.0, size=(4, 5)))), grad_wrt=GRAD)
    new, old = _logps(rng, (4, 5), 0.2)
    yield Case("negative advantages only", args=(new, old, _t(-rng.uniform(0.1, 2.0, size=(4, 5)))), grad_wrt=GRAD)
    old = _t(-rng.uniform(0.5, 4.0, size=(3, 6)))
    yield Case(
        "the first update: the new policy equals the old",
        args=(old.clone(), old, _t(rng.normal(size=(3, 6)))),
        grad_wrt=GRAD,
    )
    new, old = _logps(rng, (3, 6), 0.2)
    advantages = rng.normal(size=(3, 6))
    advantages[:, ::2] = 0.0
    yield Case("zero advantages on some tokens", args=(new, old, _t(advantages)), grad_wrt=GRAD)
    new, old = _logps(rng, (2, 9), 0.2)
    only = np.zeros((2, 9), dtype=bool)
    only[1, 4] = True
    yield Case(
        "a single counted token",
        args=(new, old, _t(rng.normal(size=(2, 9)))),
        kwargs={"mask": _bool(only)},
        grad_wrt=GRAD,
    )
    new, old = _logps(rng, (3, 4), 0.2)
    yield Case(
        "an all-True mask equals no mask",
        args=(new, old, _t(rng.normal(size=(3, 4)))),
        kwargs={"mask": _bool(np.ones((3, 4), dtype=bool))},
        grad_wrt=GRAD,
    )
    new, old = _logps(rng, (20,), 0.2)
    yield Case("one sequence, 1-D tensors", args=(new, old, _t(rng.normal(size=20))), grad_wrt=GRAD)
    new, old = _logps(rng, (2, 3, 5), 0.2)
    yield Case(
        "three dimensions with a mask",
        args=(new, old, _t(rng.normal(size=(2, 3, 5)))),
        kwargs={"mask": _bool(rng.random(size=(2, 3, 5)) < 0.6) | _bool(np.eye(1, 30).reshape(2, 3, 5) > 0)},
        grad_wrt=GRAD,
    )
