import numpy as np
import torch

from grader.casekit import Case


def _t(array):
    return torch.tensor(np.asarray(array), dtype=torch.float32)


def _rows(rng, shape, std_range=(0.5, 3.0), max_ratio=4.5):
    """Rows with a chosen spread and an offset of at most max_ratio standard deviations."""
    *lead, d = shape
    z = rng.normal(size=(*lead, d))
    z = (z - z.mean(axis=-1, keepdims=True)) / z.std(axis=-1, keepdims=True)
    low, high = np.log(std_range[0]), np.log(std_range[1])
    std = np.exp(rng.uniform(low, high, size=(*lead, 1)))
    mean = std * rng.uniform(-max_ratio, max_ratio, size=(*lead, 1))
    return _t(mean + std * z)


def _affine(rng, d):
    return _t(rng.uniform(0.5, 1.5, size=d)), _t(rng.normal(scale=0.5, size=d))


def cases():
    rng = np.random.default_rng(20260307)

    # Visible: small and readable.
    yield Case("one row, no scale or shift",
               args=(_t([[1.0, 2.0, 3.0, 4.0]]), _t([1.0, 1.0, 1.0, 1.0]), _t([0.0, 0.0, 0.0, 0.0])),
               visible=True)
    yield Case("gamma scales and beta shifts each feature",
               args=(_t([[1.0, 2.0, 3.0, 4.0], [-2.0, 0.0, 0.0, 2.0]]),
                     _t([1.0, 2.0, 0.5, -1.0]), _t([0.0, 1.0, 0.0, -1.0])),
               visible=True)
    yield Case("a row of small variance: eps matters",
               args=(_t([[0.001, -0.001, 0.002, -0.002]]), _t([1.0, 1.0, 1.0, 1.0]),
                     _t([0.0, 0.0, 0.0, 0.0])),
               visible=True)

    # Hidden: shapes.
    yield Case("random rows", args=(_rows(rng, (6, 8)), *_affine(rng, 8)))
    yield Case("normalise over the last dimension, not the first",
               args=(_rows(rng, (5, 12)), *_affine(rng, 12)))
    yield Case("a single vector (1-d input)", args=(_rows(rng, (10,)), *_affine(rng, 10)))
    yield Case("batch of sequences (B, T, D)", args=(_rows(rng, (2, 5, 16)), *_affine(rng, 16)))
    yield Case("4-d input", args=(_rows(rng, (2, 3, 2, 6)), *_affine(rng, 6)))
    yield Case("square input: statistics per row, not per column",
               args=(_rows(rng, (6, 6)), *_affine(rng, 6)))
    yield Case("variance divides by D, not D - 1 (wide rows)",
               args=(_rows(rng, (4, 64)), *_affine(rng, 64)))
    yield Case("variance divides by D, not D - 1 (two features)",
               args=(_rows(rng, (5, 2)), *_affine(rng, 2)))

    # Hidden: eps.
    yield Case("rows of small variance: eps inside the square root",
               args=(_rows(rng, (6, 8), std_range=(1e-3, 4e-3)), *_affine(rng, 8)))
    yield Case("rows of tiny variance: eps dominates",
               args=(_rows(rng, (4, 8), std_range=(1e-5, 1e-4)), *_affine(rng, 8)))
    mixed = torch.cat([_rows(rng, (3, 10)), _rows(rng, (3, 10), std_range=(5e-4, 5e-3))])
    yield Case("small and ordinary variances side by side", args=(mixed, *_affine(rng, 10)))
    yield Case("eps passed positionally",
               args=(_rows(rng, (4, 8), std_range=(0.01, 0.05)), *_affine(rng, 8), 1e-3))
    yield Case("eps passed as a keyword",
               args=(_rows(rng, (3, 4, 8), std_range=(0.1, 0.5)), *_affine(rng, 8)),
               kwargs={"eps": 0.1})

    # Hidden: scale and offset of the rows.
    yield Case("rows far from zero (mean up to 4.5 standard deviations)",
               args=(_rows(rng, (6, 16), max_ratio=4.5), *_affine(rng, 16)))
    yield Case("rows of large scale", args=(_rows(rng, (4, 8), std_range=(50.0, 500.0)),
                                            *_affine(rng, 8)))
    yield Case("negative gamma flips the sign",
               args=(_rows(rng, (3, 6)), _t(-rng.uniform(0.5, 2.0, size=6)),
                     _t(rng.normal(size=6))))
