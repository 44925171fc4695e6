import numpy as np

from grader.casekit import Case


def _params(rng, d, h, c, scale=1.0):
    return (
        rng.normal(size=(d, h)) * scale / np.sqrt(d),
        rng.normal(size=h) * 0.5,
        rng.normal(size=(h, c)) * scale / np.sqrt(h),
        rng.normal(size=c) * 0.5,
    )


def _random(rng, n, d, h, c, scale=1.0):
    X = rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n).astype(np.int64)
    return (X, y, *_params(rng, d, h, c, scale))


def cases():
    rng = np.random.default_rng(505_2026)
    yield Case(
        "two samples, two hidden units, two classes",
        args=(
            np.array([[1.0, 2.0], [-1.0, 0.5]]),
            np.array([0, 1], dtype=np.int64),
            np.array([[0.5, -1.0], [0.25, 0.5]]),
            np.array([0.0, 0.5]),
            np.array([[1.0, -1.0], [0.5, 2.0]]),
            np.array([0.1, -0.1]),
        ),
        visible=True,
    )
    yield Case(
        "a pre-activation of exactly 0 passes no gradient",
        args=(
            np.array([[1.0, 1.0], [2.0, -1.0], [0.0, 1.0]]),
            np.array([2, 0, 1], dtype=np.int64),
            np.array([[1.0, -1.0], [-1.0, 2.0]]),
            np.array([0.0, -1.0]),
            np.array([[0.5, -0.5, 1.0], [1.0, 0.25, -1.0]]),
            np.array([0.0, 0.2, -0.2]),
        ),
        visible=True,
    )
    yield Case("random: 8 samples, 3 -> 5 -> 4", args=_random(rng, 8, 3, 5, 4), visible=True)

    yield Case("random: 32 samples, 10 -> 16 -> 5", args=_random(rng, 32, 10, 16, 5))
    yield Case("random: 50 samples, 4 -> 20 -> 10", args=_random(rng, 50, 4, 20, 10))
    yield Case("random: 6 samples, 7 -> 3 -> 6", args=_random(rng, 6, 7, 3, 6))
    yield Case("a single sample", args=_random(rng, 1, 4, 6, 3))
    yield Case("two classes, wide hidden layer", args=_random(rng, 20, 3, 40, 2))
    yield Case("square layers: n = d = h = c = 4", args=_random(rng, 4, 4, 4, 4))

    n, d, h, c = 24, 5, 8, 4
    X = rng.integers(-2, 3, size=(n, d)).astype(float)
    W1 = rng.integers(-1, 2, size=(d, h)).astype(float)
    b1 = rng.integers(-1, 2, size=h).astype(float)
    _, _, W2, b2 = _params(rng, d, h, c)
    z1 = X @ W1 + b1
    assert (z1 == 0).sum() >= 20, "the case should hold many exact zeros"
    y = rng.integers(0, c, size=n).astype(np.int64)
    yield Case("many pre-activations exactly 0 (ReLU'(0) = 0)", args=(X, y, W1, b1, W2, b2))

    X, y, W1, b1, W2, b2 = _random(rng, 15, 4, 6, 3)
    yield Case("every hidden unit inactive", args=(X, y, W1, b1 - 50.0, W2, b2))
    yield Case("every hidden unit active", args=(X, y, W1, b1 + 50.0, W2, b2))
    X, _, W1, b1, W2, b2 = _random(rng, 12, 3, 7, 4)
    yield Case("every sample of the same class", args=(X, np.full(12, 2, dtype=np.int64), W1, b1, W2, b2))
    yield Case("confident predictions (large logits)", args=_random(rng, 16, 6, 10, 5, scale=6.0))
    X, y, W1, b1, W2, b2 = _random(rng, 10, 3, 4, 3)
    yield Case(
        "more samples than classes, bias terms far from 0",
        args=(X, y, W1, b1 + 0.7, W2, b2 + np.array([3.0, -2.0, 1.0])),
    )
