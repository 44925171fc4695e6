import numpy as np

from grader.casekit import Case


def _data(rng, n, d, sdevs, offset=None, noise=0.0):
    """n samples in d dimensions whose standard deviations along random orthogonal axes are
    exactly `sdevs` (largest first), plus optional isotropic noise and a mean offset
    (a random one unless given)."""
    if offset is None:
        offset = rng.normal(size=d) * 2.0
    r = len(sdevs)
    centred = rng.normal(size=(n, r))
    centred -= centred.mean(axis=0)
    u, _ = np.linalg.qr(centred)  # orthonormal columns, each with mean 0
    v, _ = np.linalg.qr(rng.normal(size=(d, r)))
    X = (u * (np.asarray(sdevs, dtype=float) * np.sqrt(n - 1))) @ v.T
    return X + noise * rng.normal(size=(n, d)) + offset


def _well_posed(X, k):
    """Hidden cases promise k <= min(n-1, d) and distinct eigenvalues: keep a clear gap."""
    n, d = X.shape
    assert 1 <= k <= min(n - 1, d), (n, d, k)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    top = s[: k + 1] ** 2  # the k-th eigenvalue must stand apart from the (k+1)-th too
    for bigger, smaller in zip(top[:-1], top[1:]):
        assert bigger - smaller > 0.01 * top[0], "eigenvalues too close for a stable answer"
    return X


def _case(name, X, k, **kw):
    return Case(name, args=(_well_posed(np.asarray(X, dtype=float), k), k), check="rows_up_to_sign", **kw)


def cases():
    rng = np.random.default_rng(105_2026)
    small = np.array([[2.0, 0.0], [0.0, 1.0], [4.0, 3.0], [6.0, 4.0], [3.0, 2.0]])
    yield _case("five points in the plane, first axis", small, 1, visible=True)
    yield _case("five points in the plane, both axes", small, 2, visible=True)
    yield _case(
        "four points in 3-d, two axes",
        [[1.0, 2.0, 3.0], [2.0, 4.0, 1.0], [0.0, 1.0, 1.0], [3.0, 3.0, 0.0]], 2, visible=True,
    )

    yield _case("random tall data, first axis only", _data(rng, 30, 4, [3.0, 1.5, 1.0, 0.5]), 1)
    yield _case("random tall data, two axes", _data(rng, 50, 6, [4, 3, 2, 1.5, 1, 0.5], noise=0.1), 2)
    yield _case("random data, three of five axes", _data(rng, 40, 5, [2.5, 2.0, 1.5, 1.0, 0.6]), 3)
    yield _case("every axis: k = d", _data(rng, 20, 5, [5, 4, 3, 2, 1]), 5)
    yield _case("square result (k = d = 3): axes are rows", _data(rng, 12, 3, [3, 2, 1]), 3)
    yield _case(
        "data far from the origin is centred first",
        _data(rng, 25, 3, [2.0, 1.0, 0.5], offset=np.array([40.0, -25.0, 60.0])), 2,
    )
    yield _case(
        "mean offset along a minor axis",
        _data(rng, 30, 4, [3.0, 2.0, 1.0, 0.5], offset=8.0), 4,
    )
    yield _case("few samples: variance uses n - 1", _data(rng, 4, 3, [3.0, 1.0, 0.3]), 2)
    yield _case("wide data: more features than samples", _data(rng, 8, 12, [6, 5, 4, 3, 2, 1.5, 1], noise=0.02), 7)
    yield _case("wide data, first axis only", _data(rng, 6, 10, [4, 2, 1.5, 1, 0.5], noise=0.05), 1)
    yield _case(
        "axes ordered by decreasing variance (features scaled in increasing order)",
        rng.normal(size=(60, 4)) * np.array([0.5, 1.0, 2.0, 4.0]), 3,
    )
    line = np.outer(rng.normal(size=35), [1.0, 2.0, -2.0]) + 0.05 * rng.normal(size=(35, 3))
    yield _case("points close to a line", line + np.array([1.0, -3.0, 2.0]), 1)
    yield _case(
        "integer-valued data",
        rng.integers(-5, 6, size=(15, 4)).astype(float) * np.array([3.0, 2.0, 1.0, 1.0]), 2,
    )

