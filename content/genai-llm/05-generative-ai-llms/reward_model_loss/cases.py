import numpy as np
import torch

from grader.casekit import Case


def _t(array):
    return torch.tensor(np.asarray(array), dtype=torch.float32)


def _pairs(rng, margins, offset_scale=2.0):
    """Rewards (chosen, rejected) whose differences are the given margins."""
    margins = np.asarray(margins, dtype=np.float64)
    rejected = rng.normal(scale=offset_scale, size=margins.shape)
    chosen = _t(rejected + margins)
    rejected = _t(rejected)
    return chosen, rejected


def cases():
    rng = np.random.default_rng(20260310)

    # Visible: small and readable.
    yield Case("two pairs", args=(_t([1.0, 2.0]), _t([0.0, 2.0])), visible=True)
    yield Case("equal rewards cost log 2", args=(_t([0.5, -3.0, 7.0]), _t([0.5, -3.0, 7.0])),
               visible=True)
    yield Case("a pair ranked the wrong way costs more",
               args=(_t([3.0, 0.0]), _t([0.0, 3.0])), visible=True)

    # Hidden: ordinary rewards.
    yield Case("random rewards", args=(_t(rng.normal(size=16)), _t(rng.normal(size=16))))
    yield Case("chosen mostly ahead: the sign of the margin",
               args=_pairs(rng, rng.uniform(0.5, 4.0, size=12)))
    yield Case("rejected mostly ahead", args=_pairs(rng, rng.uniform(-4.0, -0.5, size=12)))
    yield Case("a single pair", args=(_t([0.25]), _t([1.5])))
    yield Case("margins near zero", args=_pairs(rng, rng.uniform(-0.01, 0.01, size=8)))
    yield Case("only the difference of the rewards matters",
               args=_pairs(rng, rng.normal(size=10), offset_scale=300.0))
    yield Case("rewards of shape (N, 1)",
               args=(_t(rng.normal(size=(6, 1))), _t(rng.normal(size=(6, 1)))))
    yield Case("a larger batch", args=(_t(rng.normal(scale=3.0, size=512)),
                                       _t(rng.normal(scale=3.0, size=512))))

    # Hidden: large margins.
    yield Case("large margins stay finite",
               args=(_t([1000.0, -1000.0, 500.0, -500.0, 0.0]), _t([0.0, 0.0, -250.0, 250.0, 0.0])))
    yield Case("large negative margins: the loss grows with the margin",
               args=_pairs(rng, rng.uniform(-1000.0, -100.0, size=8), offset_scale=50.0))
    yield Case("large positive margins: the loss vanishes",
               args=_pairs(rng, rng.uniform(100.0, 1000.0, size=8), offset_scale=50.0))
    yield Case("moderate negative margins (40 to 120)",
               args=_pairs(rng, rng.uniform(-120.0, -40.0, size=8)))
    yield Case("a mix of large and small margins",
               args=_pairs(rng, np.concatenate([rng.uniform(-1000.0, 1000.0, size=6),
                                                rng.normal(size=6)])))
