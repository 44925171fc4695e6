import numpy as np
import torch

from grader.casekit import Case


def _t(array):
    return torch.tensor(np.asarray(array), dtype=torch.float32)


def _layer(rng, lead, d_in, d_out, rank, bias=True):
    x = _t(rng.normal(size=(*lead, d_in)))
    W = _t(rng.normal(size=(d_out, d_in)) / np.sqrt(d_in))
    b = _t(rng.normal(scale=0.5, size=d_out)) if bias else None
    A = _t(rng.normal(size=(rank, d_in)) / np.sqrt(d_in))
    B = _t(rng.normal(scale=0.5, size=(d_out, rank)) / np.sqrt(rank))
    return x, W, b, A, B


def cases():
    rng = np.random.default_rng(20260309)

    # Visible: small and readable.
    x = _t([[1.0, 2.0, 3.0], [0.0, -1.0, 1.0]])
    W = _t([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]])
    b = _t([0.5, -0.5])
    A = _t([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    yield Case("a fresh adapter (B = 0) leaves the base layer unchanged",
               args=(x, W, b, A, torch.zeros(2, 2), 16.0), visible=True)
    yield Case("rank 2, alpha 4: the update is scaled by alpha / r = 2",
               args=(x, W, b, A, _t([[1.0, 0.0], [0.0, -1.0]]), 4.0), visible=True)
    yield Case("no bias (b is None)",
               args=(x, W, None, A, _t([[0.5, 0.5], [1.0, 0.0]]), 2.0), visible=True)

    # Hidden: the scale.
    yield Case("random layer", args=(*_layer(rng, (5,), 8, 6, 2), 16.0))
    yield Case("scale is alpha / r", args=(*_layer(rng, (4,), 10, 7, 4), 8.0))
    yield Case("alpha smaller than r", args=(*_layer(rng, (4,), 12, 5, 8), 2.0))
    yield Case("rank 1 adapter", args=(*_layer(rng, (3,), 6, 4, 1), 3.0))
    yield Case("r read from the adapter's shape", args=(*_layer(rng, (6,), 9, 5, 3), 6.0))
    yield Case("alpha passed as a keyword", args=_layer(rng, (3,), 8, 6, 2),
               kwargs={"alpha": 5.0})

    # Hidden: transposes and shapes.
    yield Case("square base weight: W is not transposed away",
               args=(*_layer(rng, (5,), 6, 6, 2), 4.0))
    yield Case("square layer, square adapter (r = in = out)",
               args=(*_layer(rng, (4,), 3, 3, 3), 6.0))
    yield Case("output narrower than input", args=(*_layer(rng, (4,), 16, 3, 2), 8.0))
    yield Case("output wider than input", args=(*_layer(rng, (4,), 3, 16, 2), 8.0))
    yield Case("x with batch and sequence dimensions (B, T, in)",
               args=(*_layer(rng, (2, 5), 8, 6, 4), 16.0))
    yield Case("a single input vector (in,)", args=(*_layer(rng, (), 8, 5, 2), 4.0))
    yield Case("4-d x", args=(*_layer(rng, (2, 2, 3), 6, 4, 2), 2.0))

    # Hidden: the bias.
    yield Case("b is None", args=(*_layer(rng, (4,), 8, 6, 4, bias=False), 8.0))
    yield Case("b is None, 3-d x", args=(*_layer(rng, (2, 3), 6, 5, 2, bias=False), 4.0))
    yield Case("bias is added once", args=(*_layer(rng, (3,), 5, 4, 2), 1.0))

    # Hidden: a strong adapter.
    x, W, b, A, B = _layer(rng, (6,), 32, 16, 8)
    yield Case("large alpha, wider layer", args=(x, W, b, A, B, 64.0))
