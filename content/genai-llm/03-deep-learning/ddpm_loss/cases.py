import numpy as np
import torch

from grader.casekit import Case


def _t(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values, dtype=np.float64), dtype=torch.float32)


def _steps(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values), dtype=torch.int64)


def _linear_schedule(T: int, low: float, high: float) -> torch.Tensor:
    return _t(np.linspace(low, high, T))


def _model(rng, D: int, T: int, *, scale: float = 1.0):
    """A noise predictor as data: W (D, D) far from symmetric, b (D,), temb (T, D)."""
    W = rng.normal(size=(D, D)) * scale / np.sqrt(D)
    W += np.triu(rng.normal(size=(D, D)), 1) * 0.5 * scale  # make W and W.T clearly differ
    return _t(W), _t(rng.normal(size=D) * 0.3), _t(rng.normal(size=(T, D)) * 0.3)


def _batch(rng, shape, betas, t=None, **model):
    B, D, T = shape[0], int(np.prod(shape[1:])), len(betas)
    steps = rng.integers(0, T, size=B) if t is None else np.asarray(t)
    W, b, temb = _model(rng, D, T, **model)
    return (_t(rng.normal(size=shape)), _steps(steps), _t(rng.normal(size=shape)), betas, W, b, temb)


def cases():
    rng = np.random.default_rng(20261203)

    # Visible: the statement's example, then an image-shaped batch.
    yield Case(
        "two examples at steps 0 and 1 (the statement's example)",
        args=(
            _t([[1.0, -1.0], [2.0, 0.0]]),
            _steps([0, 1]),
            _t([[0.5, 1.0], [-1.0, 0.5]]),
            _t([0.36, 0.4375]),
            _t([[1.0, 0.0], [1.0, 1.0]]),
            _t([0.0, 0.0]),
            _t([[0.0, 0.0], [0.5, -0.5]]),
        ),
        visible=True,
    )
    yield Case(
        "images (2, 1, 2, 2): flatten each example to D = 4",
        args=(
            _t([[[[1.0, 0.0], [0.0, -1.0]]], [[[0.5, 0.5], [-0.5, 2.0]]]]),
            _steps([2, 0]),
            _t([[[[0.0, 1.0], [-1.0, 0.0]]], [[[1.0, -1.0], [0.5, 0.0]]]]),
            _t([0.1, 0.2, 0.5]),
            _t([[1.0, 0.5, 0.0, 0.0], [0.0, 1.0, 0.5, 0.0], [0.0, 0.0, 1.0, 0.5], [0.5, 0.0, 0.0, 1.0]]),
            _t([0.1, -0.1, 0.0, 0.2]),
            _t([[0.0, 0.0, 0.0, 0.0], [0.1, 0.1, 0.1, 0.1], [-0.2, 0.0, 0.2, 0.0]]),
        ),
        visible=True,
    )

    # Hidden.
    yield Case("random batch, random steps", args=_batch(rng, (8, 6), _t(rng.uniform(0.01, 0.3, size=10))))
    ddpm = _linear_schedule(1000, 1e-4, 0.02)
    yield Case(
        "the DDPM schedule (T = 1000): t = 0 and t = T - 1 in one batch",
        args=_batch(rng, (6, 8), ddpm, t=[0, 999, 0, 999, 500, 1]),
    )
    yield Case(
        "large betas (up to 0.5): first and last steps",
        args=_batch(rng, (6, 5), _linear_schedule(20, 0.05, 0.5), t=[0, 19, 19, 0, 7, 1]),
    )
    yield Case("every example at step 0", args=_batch(rng, (5, 4), _t(rng.uniform(0.05, 0.5, size=6)), t=[0] * 5))
    yield Case(
        "every example at the last step", args=_batch(rng, (5, 4), _t(rng.uniform(0.05, 0.5, size=6)), t=[5] * 5)
    )
    yield Case(
        "each example has its own step",
        args=_batch(rng, (7, 5), _t(rng.uniform(0.05, 0.4, size=7)), t=[3, 0, 6, 1, 5, 2, 4]),
    )
    yield Case(
        "image-shaped batch (4, 2, 3, 3)",
        args=_batch(rng, (4, 2, 3, 3), _linear_schedule(50, 1e-3, 0.2)),
    )
    yield Case("sequence-shaped batch (3, 4, 2)", args=_batch(rng, (3, 4, 2), _linear_schedule(8, 0.1, 0.5)))
    yield Case("a batch of one", args=_batch(rng, (1, 7), _linear_schedule(30, 0.01, 0.3), t=[17]))
    yield Case("one step in the schedule (T = 1)", args=_batch(rng, (4, 3), _t([0.3]), t=[0] * 4))
    yield Case(
        "a wider example (D = 64)", args=_batch(rng, (4, 64), _linear_schedule(200, 1e-4, 0.05), t=[0, 199, 60, 120])
    )
    x0, t, _, betas, W, b, temb = _batch(rng, (5, 6), _linear_schedule(12, 0.05, 0.45), t=[0, 11, 4, 8, 2])
    yield Case("zero noise draw", args=(x0, t, torch.zeros_like(x0), betas, W, b, temb))
    x0, t, eps, betas, W, _, _ = _batch(rng, (5, 6), _linear_schedule(12, 0.05, 0.45), t=[11, 0, 3, 9, 6])
    yield Case(
        "bias and time embedding zero: only x_t and W matter",
        args=(x0, t, eps, betas, W, torch.zeros(6), torch.zeros(12, 6)),
    )
