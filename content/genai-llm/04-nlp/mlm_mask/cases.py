import numpy as np
import torch

from grader.casekit import Case

PAD, CLS, SEP, MASK = 0, 101, 102, 103
VOCAB = 30522
GAP = 1e-6  # hidden draws stay this far from mlm_prob, 0.8 and 0.9


def _t(values, dtype):
    return torch.tensor(np.asarray(values), dtype=dtype)


def _uniform(rng, shape, avoid):
    """float32 draws in [0, 1), each at least GAP away (as float32) from every value in avoid."""
    u = rng.random(shape).astype(np.float32)
    while True:
        near = np.zeros(shape, dtype=bool)
        for value in avoid:
            near |= np.abs(u.astype(np.float64) - value) < GAP
        if not near.any():
            return u
        u[near] = rng.random(int(near.sum())).astype(np.float32)


def _batch(rng, lengths, L):
    """Token ids of right-padded sequences: [CLS] words [SEP] [PAD]..., and their special mask."""
    ids = np.full((len(lengths), L), PAD, dtype=np.int64)
    for b, n in enumerate(lengths):
        ids[b, 0] = CLS
        ids[b, 1 : n - 1] = rng.integers(1000, VOCAB, size=n - 2)
        ids[b, n - 1] = SEP
    special = np.isin(ids, [PAD, CLS, SEP])
    return ids, special


def _case_args(rng, lengths, L, mlm_prob, *, u_sel=None, u_act=None, mask_id=MASK):
    ids, special = _batch(rng, lengths, L)
    shape = ids.shape
    u_sel = _uniform(rng, shape, [mlm_prob]) if u_sel is None else u_sel
    u_act = _uniform(rng, shape, [0.8, 0.9]) if u_act is None else u_act
    rand_ids = rng.integers(1000, VOCAB, size=shape)
    return (
        _t(ids, torch.int64),
        _t(u_sel, torch.float32),
        _t(u_act, torch.float32),
        _t(special, torch.bool),
        _t(rand_ids, torch.int64),
        mask_id,
    )


def _banded(rng, shape):
    """u_act spread evenly over the bands [0, 0.1), [0.1, 0.8), [0.8, 0.9), [0.9, 1)."""
    bands = [(0.0, 0.1), (0.1, 0.8), (0.8, 0.9), (0.9, 1.0)]
    pick = rng.integers(0, 4, size=shape)
    low = np.array([b[0] for b in bands])[pick] + 2 * GAP
    high = np.array([b[1] for b in bands])[pick] - 2 * GAP
    return (low + (high - low) * rng.random(shape)).astype(np.float32)


def cases():
    rng = np.random.default_rng(20261204)

    # Visible: one sentence, every outcome once.
    yield Case(
        "one sentence: a masked, a random and a kept token",
        args=(
            _t([[CLS, 7592, 2088, 2003, 1037, 3231, 1012, SEP]], torch.int64),
            _t([[0.05, 0.10, 0.70, 0.12, 0.95, 0.03, 0.40, 0.01]], torch.float32),
            _t([[0.50, 0.30, 0.20, 0.85, 0.10, 0.95, 0.60, 0.20]], torch.float32),
            _t([[True, False, False, False, False, False, False, True]], torch.bool),
            _t([[5, 6, 7, 2158, 9, 10, 11, 12]], torch.int64),
            MASK,
        ),
        visible=True,
    )
    yield Case(
        "two padded sequences, mlm_prob = 0.3",
        args=(
            _t([[CLS, 2023, 2003, SEP, PAD, PAD], [CLS, 4937, 2938, 2006, 1996, SEP]], torch.int64),
            _t([[0.2, 0.25, 0.9, 0.1, 0.05, 0.6], [0.4, 0.1, 0.5, 0.29, 0.31, 0.7]], torch.float32),
            _t([[0.1, 0.95, 0.3, 0.2, 0.5, 0.5], [0.7, 0.82, 0.4, 0.05, 0.6, 0.3]], torch.float32),
            _t(
                [[True, False, False, True, True, True], [True, False, False, False, False, True]],
                torch.bool,
            ),
            _t([[11, 12, 13, 14, 15, 16], [21, 2307, 23, 24, 25, 26]], torch.int64),
            MASK,
            0.3,
        ),
        visible=True,
    )

    # Hidden.
    yield Case(
        "default mlm_prob (0.15) on a padded batch",
        args=_case_args(rng, [32, 20, 27, 9], 32, 0.15),
    )
    yield Case(
        "mlm_prob passed by position",
        args=(*_case_args(rng, [24, 24, 13], 24, 0.4), 0.4),
    )
    yield Case(
        "mlm_prob passed as a keyword",
        args=_case_args(rng, [16, 11, 16, 5, 16], 16, 0.25),
        kwargs={"mlm_prob": 0.25},
    )
    args = _case_args(rng, [40, 33, 40], 40, 0.5, u_act=_banded(rng, (3, 40)))
    yield Case("every band of u_act among the selected positions", args=(*args, 0.5))
    args = _case_args(rng, [30, 30], 30, 0.6, u_act=_banded(rng, (2, 30)))
    yield Case("random tokens come from rand_ids at the same position", args=(*args, 0.6))

    # Specials get the smallest draws of all: selecting them is caught at once.
    ids, special = _batch(rng, [12, 7, 12], 12)
    u_sel = _uniform(rng, ids.shape, [0.35])
    u_sel[special] = (rng.random(int(special.sum())) * 0.01 + 0.001).astype(np.float32)
    args = _case_args(rng, [12, 7, 12], 12, 0.35, u_sel=u_sel, u_act=_banded(rng, ids.shape))
    yield Case("special and padding tokens are never selected", args=(*args, 0.35))

    ids_shape = (2, 20)
    u_act = np.full(ids_shape, 0.5, dtype=np.float32)
    args = _case_args(rng, [20, 15], 20, 0.5, u_act=u_act)
    yield Case("labels hold the original tokens of masked positions", args=(*args, 0.5))

    u_sel = (0.2 + 0.8 * rng.random((3, 10))).astype(np.float32)
    args = _case_args(rng, [10, 6, 10], 10, 0.1, u_sel=u_sel)
    yield Case("nothing selected: inputs unchanged, labels all -100", args=(*args, 0.1))

    args = _case_args(rng, [18, 18], 18, 0.999, u_act=_banded(rng, (2, 18)))
    yield Case("every ordinary token selected", args=(*args, 0.999))

    yield Case(
        "another mask id",
        args=(*_case_args(rng, [14, 10], 14, 0.3, mask_id=4), 0.3),
    )
    yield Case("a single long sequence", args=_case_args(rng, [128], 128, 0.15))
    yield Case(
        "a larger batch, mlm_prob 0.2",
        args=(*_case_args(rng, list(rng.integers(4, 65, size=8)), 64, 0.2), 0.2),
    )
