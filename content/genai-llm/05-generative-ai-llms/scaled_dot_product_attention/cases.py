import numpy as np
import torch

from grader.casekit import Case


def _t(array):
    return torch.tensor(np.asarray(array), dtype=torch.float32)


def _mask(rng, shape, p_allow=0.6):
    """A bool mask where every row (last axis) allows at least one key."""
    allow = rng.random(shape) < p_allow
    rows = allow.reshape(-1, shape[-1])
    rows[np.arange(rows.shape[0]), rng.integers(0, shape[-1], size=rows.shape[0])] = True
    return torch.tensor(rows.reshape(shape), dtype=torch.bool)


def _qkv(rng, batch, lq, lk, d, dv):
    return (
        _t(rng.normal(size=(*batch, lq, d))),
        _t(rng.normal(size=(*batch, lk, d))),
        _t(rng.normal(size=(*batch, lk, dv))),
    )


def cases():
    rng = np.random.default_rng(20260305)

    # Visible: small and readable.
    yield Case(
        "one query, two keys (d = 4, so the scale is 1/2)",
        args=(_t([[2.0, 0.0, 0.0, 0.0]]),
              _t([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]]),
              _t([[1.0, 0.0], [0.0, 1.0]])),
        visible=True,
    )
    causal3 = torch.tensor([[True, False, False], [True, True, False], [True, True, True]])
    yield Case(
        "causal mask on three positions",
        args=(_t([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
              _t([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
              _t([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]),
              causal3),
        visible=True,
    )
    yield Case(
        "two sequences, the second padded: mask of shape (2, 1, 3)",
        args=(_t([[[1.0, 0.0], [0.0, 1.0]], [[1.0, 1.0], [-1.0, 0.0]]]),
              _t([[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [[1.0, 0.0], [0.0, 2.0], [9.0, 9.0]]]),
              _t([[[1.0], [2.0], [3.0]], [[10.0], [20.0], [99.0]]]),
              torch.tensor([[[True, True, True]], [[True, True, False]]])),
        visible=True,
    )

    # Hidden: shapes and scale.
    yield Case("scale is 1/sqrt(d)", args=_qkv(rng, (), 4, 6, 16, 16))
    yield Case("softmax runs over the keys, not the queries", args=_qkv(rng, (), 5, 7, 8, 4))
    yield Case("value width differs from key width", args=_qkv(rng, (), 3, 5, 12, 3))
    yield Case("batch dimension", args=_qkv(rng, (3,), 4, 6, 8, 5))
    yield Case("batch and head dimensions", args=_qkv(rng, (2, 3), 5, 4, 8, 6))
    yield Case("a single query", args=_qkv(rng, (2,), 1, 6, 8, 3))
    yield Case("a single key takes all the weight", args=_qkv(rng, (2,), 4, 1, 8, 3))

    # Hidden: masks.
    q, k, v = _qkv(rng, (2,), 4, 6, 8, 3)
    yield Case("mask polarity: True means may attend", args=(q, k, v, _mask(rng, (2, 4, 6))))

    # Blocked keys are the ones that would score highest: they must get no weight at all.
    qb = _t(rng.normal(size=(5, 8)))
    kb = _t(rng.normal(size=(7, 8)))
    vb = _t(rng.normal(size=(7, 4)))
    scores = (qb @ kb.T).numpy()
    top = np.argsort(-scores, axis=1)[:, :3]
    blocked = np.ones((5, 7), dtype=bool)
    np.put_along_axis(blocked, top, False, axis=1)
    yield Case("blocked keys with the largest scores get no weight",
               args=(qb, kb, vb, torch.tensor(blocked)))

    q, k, v = _qkv(rng, (2, 2), 6, 6, 8, 4)
    causal = torch.ones(6, 6, dtype=torch.bool).tril()
    yield Case("causal mask (L, L) broadcast over batch and heads", args=(q, k, v, causal))

    q, k, v = _qkv(rng, (2,), 3, 7, 8, 4)
    cached = torch.ones(3, 7, dtype=torch.bool).tril(diagonal=4)
    yield Case("causal mask with cached keys (fewer queries than keys)", args=(q, k, v, cached))

    q, k, v = _qkv(rng, (3, 2), 4, 5, 8, 3)
    yield Case("key padding mask of shape (B, 1, 1, Lk)", args=(q, k, v, _mask(rng, (3, 1, 1, 5))))

    q, k, v = _qkv(rng, (2, 3), 4, 6, 8, 3)
    yield Case("mask shared by all heads: shape (B, 1, Lq, Lk)",
               args=(q, k, v, _mask(rng, (2, 1, 4, 6))))

    q, k, v = _qkv(rng, (3,), 4, 6, 8, 3)
    yield Case("mask of shape (1, Lq, Lk) broadcast over the batch",
               args=(q, k, v, _mask(rng, (1, 4, 6))))

    q, k, v = _qkv(rng, (2,), 5, 6, 8, 3)
    yield Case("mask of shape (Lk,) applies to every query", args=(q, k, v, _mask(rng, (6,), 0.5)))

    q, k, v = _qkv(rng, (2,), 4, 6, 8, 3)
    one_key = np.zeros((2, 4, 6), dtype=bool)
    one_key[np.arange(2)[:, None], np.arange(4)[None, :], rng.integers(0, 6, size=(2, 4))] = True
    yield Case("one allowed key per query returns that key's value",
               args=(q, k, v, torch.tensor(one_key)))

    q, k, v = _qkv(rng, (2,), 4, 5, 8, 3)
    yield Case("mask passed as a keyword argument", args=(q, k, v),
               kwargs={"mask": _mask(rng, (2, 4, 5))})
    yield Case("mask=None passed explicitly", args=_qkv(rng, (2,), 3, 4, 8, 3),
               kwargs={"mask": None})

    # Blocked keys score about 120+ above the allowed ones: if they take part in the
    # softmax at all, the allowed weights underflow to 0 in float32.
    q = _t(rng.integers(3, 6, size=(3, 4)))
    k = np.concatenate([rng.integers(-3, 4, size=(3, 4)), rng.integers(25, 31, size=(2, 4))])
    order = rng.permutation(5)
    k = _t(k[order])
    dominant = torch.tensor(np.broadcast_to(order < 3, (3, 5)).copy())
    yield Case("blocked keys with huge scores don't drown the allowed ones",
               args=(q, k, _t(rng.normal(size=(5, 2))), dominant))

    # Integer q and k: the scores (up to about ±200 after scaling) are exact in float32.
    q = _t(rng.integers(-10, 11, size=(2, 4, 4)))
    k = _t(rng.integers(-10, 11, size=(2, 6, 4)))
    v = _t(rng.normal(size=(2, 6, 3)))
    yield Case("large scores stay finite", args=(q, k, v))
    yield Case("large scores with a mask stay finite", args=(q, k, v, _mask(rng, (2, 4, 6))))
