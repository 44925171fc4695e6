import numpy as np
import torch

from grader.casekit import Case


def _t(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values), dtype=torch.float32)


def _random_case(rng, batch, inputs, hidden, *, scale=1.0, state_scale=1.0):
    """Inputs laid out as (x, h, c, W_ih, W_hh, b_ih, b_hh)."""
    w = scale / np.sqrt(inputs + hidden)
    return (
        _t(rng.normal(size=(batch, inputs))),
        _t(rng.uniform(-1, 1, size=(batch, hidden)) * state_scale),
        _t(rng.normal(size=(batch, hidden)) * state_scale),
        _t(rng.normal(size=(4 * hidden, inputs)) * w * 2),
        _t(rng.normal(size=(4 * hidden, hidden)) * w * 2),
        _t(rng.normal(size=4 * hidden) * 0.5 * scale),
        _t(rng.normal(size=4 * hidden) * 0.5 * scale),
    )


def cases():
    rng = np.random.default_rng(20260806)

    # Visible: hidden size 1 with hand-picked weights, so each gate is one readable number.
    # Gate rows are (input, forget, cell, output).
    yield Case(
        "hidden size 1, one input",
        args=(
            _t([[1.0]]),  # x
            _t([[0.5]]),  # h
            _t([[2.0]]),  # c
            _t([[1.0], [-1.0], [1.0], [2.0]]),  # W_ih
            _t([[0.0], [1.0], [-1.0], [0.0]]),  # W_hh
            _t([0.0, 0.0, 0.0, -1.0]),  # b_ih
            _t([0.0, 1.0, 0.0, 0.0]),  # b_hh
        ),
        visible=True,
    )
    yield Case(
        "batch of 2, input size 3, hidden size 2",
        args=(
            _t([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]]),
            _t([[0.0, 1.0], [-0.5, 0.5]]),
            _t([[1.0, -1.0], [0.0, 2.0]]),
            _t(np.arange(24.0).reshape(8, 3) % 5 / 4 - 0.5),
            _t(np.arange(16.0).reshape(8, 2) % 3 / 2 - 0.5),
            _t([0.1, -0.2, 0.3, 0.0, 0.5, -0.5, 0.25, 1.0]),
            _t([0.0, 0.0, 0.0, 0.0, 0.0, 0.5, -0.25, 0.0]),
        ),
        visible=True,
    )

    yield Case("random batch, input size differs from hidden size", args=_random_case(rng, 4, 5, 3))
    yield Case("batch of one", args=_random_case(rng, 1, 6, 4))
    yield Case("larger hidden size (16)", args=_random_case(rng, 3, 8, 16))
    yield Case("input size 1", args=_random_case(rng, 5, 1, 4))
    yield Case("hidden size 1", args=_random_case(rng, 3, 4, 1))
    yield Case("input size larger than 4 * hidden size", args=_random_case(rng, 2, 13, 3))
    yield Case("input size equals hidden size", args=_random_case(rng, 3, 5, 5))

    x, h, c, W_ih, W_hh, b_ih, b_hh = _random_case(rng, 4, 3, 5)
    yield Case(
        "zero initial state",
        args=(x, torch.zeros_like(h), torch.zeros_like(c), W_ih, W_hh, b_ih, b_hh),
    )

    # Only the hidden-to-hidden bias is non-zero: both biases must be added.
    x, h, c, W_ih, W_hh, b_ih, b_hh = _random_case(rng, 3, 4, 3)
    yield Case(
        "the hidden-to-hidden bias counts too",
        args=(x, h, c, W_ih, W_hh, torch.zeros_like(b_ih), b_hh * 3),
    )

    # Each gate block gets its own strongly different bias, so any mix-up of the order shows.
    x, h, c, W_ih, W_hh, b_ih, b_hh = _random_case(rng, 3, 4, 6)
    offsets = np.repeat([2.0, -2.0, 1.0, -1.0], 6)
    yield Case(
        "each gate block has its own bias",
        args=(x, h, c, W_ih, W_hh, b_ih + _t(offsets), b_hh),
    )
    yield Case("large cell state", args=_random_case(rng, 4, 3, 4, state_scale=4.0))
    yield Case("saturated gates (large pre-activations)", args=_random_case(rng, 4, 3, 4, scale=8.0))
