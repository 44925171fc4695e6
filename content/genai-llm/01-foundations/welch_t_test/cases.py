import numpy as np

from grader.casekit import Case


def _pair(rng, n_a, n_b, mean_a, mean_b, sd_a, sd_b):
    return (rng.normal(mean_a, sd_a, size=n_a), rng.normal(mean_b, sd_b, size=n_b))


def cases():
    rng = np.random.default_rng(306_2026)
    yield Case(
        "small samples of different sizes",
        args=(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.array([2.0, 4.0, 6.0])), visible=True,
    )
    yield Case(
        "first mean larger: positive t",
        args=(np.array([5.0, 7.0, 6.0, 8.0]), np.array([1.0, 3.0, 2.0, 2.0, 4.0, 6.0])), visible=True,
    )
    yield Case(
        "same size, same spread",
        args=(np.array([2.0, 4.0, 4.0, 6.0]), np.array([1.0, 3.0, 3.0, 5.0])), visible=True,
    )

    yield Case("equal sizes, unequal spreads", args=_pair(rng, 20, 20, 1.0, 0.0, 1.0, 3.0))
    yield Case("small noisy sample vs large precise one", args=_pair(rng, 8, 30, 0.5, 0.0, 3.0, 1.0))
    yield Case("large noisy sample vs small precise one", args=_pair(rng, 50, 6, 10.0, 9.0, 4.0, 0.5))
    yield Case("second mean larger: negative t", args=_pair(rng, 15, 25, -2.0, 1.0, 2.0, 1.5))
    yield Case("two observations each", args=(np.array([1.5, 3.0]), np.array([-1.0, 4.5])))
    yield Case("two observations against many", args=_pair(rng, 2, 40, 3.0, 0.0, 1.0, 2.0))
    yield Case(
        "one sample has zero variance",
        args=(np.full(7, 2.5), rng.normal(1.0, 1.0, size=12)),
    )
    yield Case(
        "equal means give t = 0",
        args=(np.array([1.0, 2.0, 3.0, 6.0]), np.array([0.0, 3.0, 3.0, 5.0, 4.0])),
    )
    yield Case(
        "values far from zero (variance without cancellation)",
        args=_pair(rng, 30, 25, 1e6 + 0.8, 1e6, 1.0, 2.0),
    )
    yield Case("very small spreads", args=_pair(rng, 12, 9, 1e-3, 0.0, 2e-4, 5e-4))
    yield Case("many observations", args=_pair(rng, 1000, 700, 0.05, 0.0, 1.0, 1.3))
    yield Case(
        "integer-valued samples",
        args=(rng.integers(0, 10, size=11).astype(float), rng.integers(2, 7, size=17).astype(float)),
    )
