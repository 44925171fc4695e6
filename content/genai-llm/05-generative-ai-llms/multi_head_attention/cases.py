import numpy as np
import torch

from grader.casekit import Case


def _t(array):
    return torch.tensor(np.asarray(array), dtype=torch.float32)


def _random(rng, batch, length, width):
    """x of unit scale and weights scaled by 1/sqrt(D), so every projection is O(1)."""
    x = _t(rng.normal(size=(batch, length, width)))
    weights = [_t(rng.normal(size=(width, width)) / np.sqrt(width)) for _ in range(4)]
    return (x, *weights)


def cases():
    rng = np.random.default_rng(20260306)
    eye = torch.eye(4)

    # Visible: small and readable. With identity projections Q = K = V = x.
    x_small = _t([[[1.0, 0.0, 2.0, 0.0], [0.0, 1.0, 0.0, 2.0], [1.0, 1.0, -1.0, 1.0]]])
    yield Case("identity projections, one head", args=(x_small, eye, eye, eye, eye, 1),
               visible=True)
    yield Case("identity projections, two heads of width 2",
               args=(x_small, eye, eye, eye, eye, 2), visible=True)
    yield Case("identity projections, two heads, causal",
               args=(x_small, eye, eye, eye, eye, 2, True), visible=True)

    # Hidden.
    yield Case("random weights, one head", args=(*_random(rng, 2, 5, 8), 1))
    yield Case("heads take consecutive columns", args=(*_random(rng, 2, 5, 8), 2))
    yield Case("four heads: scale is 1/sqrt(head width)", args=(*_random(rng, 2, 6, 16), 4))
    yield Case("heads concatenated in order before w_o", args=(*_random(rng, 1, 4, 12), 3))
    yield Case("weights are not transposed", args=(*_random(rng, 3, 4, 6), 2))
    yield Case("causal: future positions don't leak", args=(*_random(rng, 2, 7, 8), 2, True))
    yield Case("causal: a position attends to itself",
               args=(*_random(rng, 2, 5, 12), 3), kwargs={"causal": True})
    yield Case("causal, one head", args=(*_random(rng, 1, 6, 8), 1, True))
    yield Case("causal=False attends to every position",
               args=(*_random(rng, 2, 5, 8), 4), kwargs={"causal": False})
    yield Case("head width 1", args=(*_random(rng, 2, 4, 4), 4))
    yield Case("head width 1, causal", args=(*_random(rng, 1, 5, 6), 6, True))
    yield Case("a single position", args=(*_random(rng, 3, 1, 8), 2, True))
    yield Case("longer sequence, eight heads", args=(*_random(rng, 2, 12, 32), 8, True))

    x, w_q, w_k, w_v, w_o = _random(rng, 1, 8, 8)
    x[:, 5:] *= 4.0
    yield Case("causal: large later tokens stay invisible to earlier ones",
               args=(x, w_q, w_k, w_v, w_o, 2, True))

    # Bigger inputs: sharper attention patterns.
    x, w_q, w_k, w_v, w_o = _random(rng, 2, 6, 8)
    yield Case("peaked attention", args=(x * 3, w_q * 2, w_k * 2, w_v, w_o, 2, True))
