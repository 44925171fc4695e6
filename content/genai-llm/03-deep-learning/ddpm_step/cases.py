import numpy as np
import torch

from grader.casekit import Case


def _t(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values, dtype=np.float64), dtype=torch.float32)


def _linear_schedule(T: int, low: float, high: float) -> torch.Tensor:
    return _t(np.linspace(low, high, T))


def _draws(rng, shape):
    """(x_t, eps_hat, z): a current sample, a noise prediction and a fresh draw."""
    return _t(rng.normal(size=shape)), _t(rng.normal(size=shape)), _t(rng.normal(size=shape))


def _case(rng, shape, t, betas):
    x_t, eps_hat, z = _draws(rng, shape)
    return (x_t, t, eps_hat, z, betas)


def cases():
    rng = np.random.default_rng(20261205)
    small = _t([0.36, 0.4375])
    x_t, eps_hat, z = _t([1.0, -0.5, 2.0]), _t([0.5, 0.0, -1.0]), _t([1.0, -1.0, 0.5])

    # Visible: the statement's two examples, and a batch of images.
    yield Case("step t = 1 of a two-step schedule", args=(x_t, 1, eps_hat, z, small), visible=True)
    yield Case("the last step (t = 0) adds no noise", args=(x_t, 0, eps_hat, z, small), visible=True)
    yield Case(
        "a (2, 1, 2, 2) batch at t = 2",
        args=(
            _t([[[[0.5, -1.0], [1.5, 0.0]]], [[[-0.5, 2.0], [0.0, 1.0]]]]),
            2,
            _t([[[[1.0, 0.0], [-1.0, 0.5]]], [[[0.0, 1.0], [0.5, -0.5]]]]),
            _t([[[[0.0, 1.0], [1.0, -1.0]]], [[[2.0, 0.0], [-1.0, 0.5]]]]),
            _t([0.1, 0.2, 0.3]),
        ),
        visible=True,
    )

    # Hidden.
    ddpm = _linear_schedule(1000, 1e-4, 0.02)
    yield Case("the DDPM schedule, a middle step", args=_case(rng, (4, 6), 500, ddpm))
    yield Case("the DDPM schedule, the first reverse step (t = T - 1)", args=_case(rng, (4, 6), 999, ddpm))
    yield Case("the DDPM schedule, the last step (t = 0)", args=_case(rng, (4, 6), 0, ddpm))
    yield Case("the DDPM schedule, t = 1 (noise still added)", args=_case(rng, (4, 6), 1, ddpm))
    large = _linear_schedule(20, 0.05, 0.5)
    yield Case("large betas (up to 0.5), t = T - 1", args=_case(rng, (3, 5), 19, large))
    yield Case("large betas, a middle step", args=_case(rng, (3, 5), 9, large))
    yield Case("large betas, t = 0 with a large noise draw", args=_case(rng, (3, 5), 0, large))
    random_schedule = _t(rng.uniform(0.05, 0.45, size=12))
    yield Case("a random schedule, t = 6", args=_case(rng, (8,), 6, random_schedule))
    yield Case("images (2, 3, 4, 4), t = 30", args=_case(rng, (2, 3, 4, 4), 30, _linear_schedule(50, 1e-3, 0.2)))
    yield Case("a single value, t = 3", args=_case(rng, (1,), 3, _linear_schedule(8, 0.1, 0.4)))
    yield Case("one step in the schedule (T = 1)", args=_case(rng, (5,), 0, _t([0.3])))
    x_t, eps_hat, _ = _draws(rng, (6,))
    yield Case("zero noise draw, t = 4", args=(x_t, 4, eps_hat, torch.zeros(6), _linear_schedule(10, 0.05, 0.3)))
    x_t, _, z = _draws(rng, (6,))
    yield Case("zero noise prediction, t = 7", args=(x_t, 7, torch.zeros(6), z, _linear_schedule(10, 0.05, 0.3)))
