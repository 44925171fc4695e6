import numpy as np

from grader.casekit import Case


def _random(rng, n, d, scale=1.0):
    X = rng.normal(size=(n, d))
    w = rng.normal(size=d) * scale
    y = (rng.random(n) < 0.5).astype(np.float64)
    return (w, X, y)


def cases():
    rng = np.random.default_rng(305_2026)
    yield Case(
        "three samples, two features",
        args=(np.array([0.5, -1.0]), np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]]), np.array([0.0, 1.0, 1.0])),
        visible=True,
    )
    yield Case(
        "zero weights: every probability is 1/2",
        args=(np.zeros(3), np.array([[1.0, 0.0, 2.0], [-1.0, 1.0, 0.0]]), np.array([1.0, 0.0])),
        visible=True,
    )
    yield Case(
        "one feature, four samples",
        args=(np.array([2.0]), np.array([[0.5], [-1.0], [1.5], [0.0]]), np.array([1.0, 0.0, 0.0, 1.0])),
        visible=True,
    )

    yield Case("random: 50 samples, 4 features", args=_random(rng, 50, 4))
    yield Case("random: 200 samples, 10 features", args=_random(rng, 200, 10, scale=0.5))
    yield Case("random: more features than samples", args=_random(rng, 3, 8))
    yield Case("random: 7 samples, 3 features", args=_random(rng, 7, 3, scale=2.0))
    yield Case("a single sample", args=_random(rng, 1, 2))
    X = rng.normal(size=(30, 3))
    X[:, 0] = 1.0
    yield Case("with an intercept column of ones", args=(np.array([-0.5, 1.5, 0.8]), X, (rng.random(30) < 0.4).astype(float)))
    w, X, _ = _random(rng, 12, 3)
    yield Case("every label 0", args=(w, X, np.zeros(12)))
    yield Case("every label 1", args=(w, X, np.ones(12)))
    w, X, y = _random(rng, 25, 5)
    yield Case("zero weights, random data", args=(np.zeros(5), X, y))

    # Large logits: X @ w is exactly +-1000 or +-200 (small integers times exact weights).
    signs = rng.choice([-1.0, 1.0], size=(40, 2))
    y = (rng.random(40) < 0.5).astype(float)
    yield Case("large logits (up to +-1000) stay finite", args=(np.array([600.0, 400.0]), signs, y))
    right = np.array([[1.0], [-1.0], [1.0], [-1.0]])
    yield Case(
        "logits of +-1000, every prediction right",
        args=(np.array([1000.0]), right, np.array([1.0, 0.0, 1.0, 0.0])),
    )
    yield Case(
        "logits of +-1000, every prediction wrong",
        args=(np.array([1000.0]), right, np.array([0.0, 1.0, 0.0, 1.0])),
    )
    yield Case("logits around +-40", args=(np.array([40.0, -2.0]), np.column_stack([signs[:, 0], rng.normal(size=40)]), y))
    yield Case("strongly separated random data", args=_random(rng, 60, 3, scale=25.0))
