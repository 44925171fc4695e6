import numpy as np
import torch

from grader.casekit import Case


def _t(array):
    return torch.tensor(np.asarray(array), dtype=torch.float32)


def _step(rng, B, H, S, d, dv):
    """Random new entries and caches of S earlier positions."""
    return (
        _t(rng.normal(size=(B, H, 1, d))),
        _t(rng.normal(size=(B, H, 1, d))),
        _t(rng.normal(size=(B, H, 1, dv))),
        _t(rng.normal(size=(B, H, S, d))),
        _t(rng.normal(size=(B, H, S, dv))),
    )


def cases():
    rng = np.random.default_rng(20261206)

    # Visible: one head, d = 4 (scale 1/2).
    yield Case(
        "empty cache (S = 0): the token attends to itself",
        args=(
            _t([[[[1.0, 0.0, 0.0, 0.0]]]]),
            _t([[[[0.0, 2.0, 0.0, 0.0]]]]),
            _t([[[[3.0, -1.0]]]]),
            torch.zeros(1, 1, 0, 4),
            torch.zeros(1, 1, 0, 2),
        ),
        visible=True,
    )
    yield Case(
        "two cached positions and the new one",
        args=(
            _t([[[[2.0, 0.0, 0.0, 0.0]]]]),
            _t([[[[0.0, 0.0, 0.0, 0.0]]]]),
            _t([[[[0.0, 0.0]]]]),
            _t([[[[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]]]]),
            _t([[[[1.0, 0.0], [0.0, 1.0]]]]),
        ),
        visible=True,
    )

    # Hidden: every step of one sequence. The caches of step S are the first S rows of the
    # sequence's keys and values, exactly what steps 0 .. S-1 returned.
    B, H, L, d, dv = 2, 3, 7, 8, 5
    q = _t(rng.normal(size=(B, H, L, d)))
    k = _t(rng.normal(size=(B, H, L, d)))
    v = _t(rng.normal(size=(B, H, L, dv)))
    for S in range(L):
        yield Case(
            f"step {S} of a {L}-token sequence (cache of {S})",
            args=(
                q[:, :, S : S + 1],
                k[:, :, S : S + 1],
                v[:, :, S : S + 1],
                k[:, :, :S].clone(),
                v[:, :, :S].clone(),
            ),
        )

    yield Case("empty cache, several heads", args=_step(rng, 2, 4, 0, 8, 8))
    yield Case("value width differs from key width", args=_step(rng, 1, 2, 5, 16, 3))
    yield Case("scale is 1/sqrt(d) with d = 64", args=_step(rng, 1, 2, 9, 64, 4))
    yield Case("a long cache", args=_step(rng, 2, 2, 40, 8, 6))
    yield Case("one head, one sequence", args=_step(rng, 1, 1, 3, 4, 4))
    # d = dv and B = H: caches grown along the wrong dimension would still type-check.
    yield Case("square shapes: B = H and d = dv", args=_step(rng, 3, 3, 3, 3, 3))
    # The new key scores far above the cached ones: leaving it out changes everything.
    q_new, k_new, v_new, k_cache, v_cache = _step(rng, 1, 2, 4, 8, 3)
    k_new = q_new * 3.0
    yield Case("the new key dominates the scores", args=(q_new, k_new, v_new, k_cache, v_cache))
    q_new, k_new, v_new, k_cache, v_cache = _step(rng, 2, 2, 6, 8, 3)
    yield Case(
        "large scores stay finite",
        args=(q_new * 6.0, k_new * 6.0, v_new, k_cache * 6.0, v_cache),
    )
