import numpy as np

from grader.casekit import Case

GAP = 1e-7  # distinct scores near the top differ by at least this much


def _scores(queries, corpus):
    q = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    c = corpus / np.linalg.norm(corpus, axis=1, keepdims=True)
    return q @ c.T


def _ranked_pairs(queries, corpus, k):
    """For every query, the adjacent pairs (i, j) among its k + 1 best rows, with their scores."""
    scores = _scores(queries, corpus)
    order = np.argsort(-scores, axis=1, kind="stable")[:, : k + 1]
    for row, idx in zip(scores, order):
        for a, b in zip(idx, idx[1:]):
            yield a, b, row[a], row[b]


def _clear(queries, corpus, k):
    """Near the top, equal scores come only from identical rows, other scores are GAP apart."""
    for a, b, sa, sb in _ranked_pairs(queries, corpus, k):
        identical = np.array_equal(corpus[a], corpus[b])
        if identical != (sa == sb) or (not identical and sa - sb <= GAP):
            return False
    return True


def _random_case(rng, q, n, d, k, spread=1.0, signs=(None, None)):
    """Gaussian rows with lengths spread over 10**±spread; no near-ties near the top.
    signs=(-1, 1) makes every query entry negative and every corpus entry positive."""
    while True:
        queries = rng.normal(size=(q, d)) * 10.0 ** rng.uniform(-spread, spread, size=(q, 1))
        corpus = rng.normal(size=(n, d)) * 10.0 ** rng.uniform(-spread, spread, size=(n, 1))
        if signs[0] is not None:
            queries, corpus = signs[0] * np.abs(queries), signs[1] * np.abs(corpus)
        if _clear(queries, corpus, k):
            return queries, corpus, k


def _dyadic_rows(rng, count, d):
    """Integer rows whose length is a power of two: every cosine between them is exact in
    float64 whatever the order of operations, so copies of a row tie exactly."""
    rows = []
    while len(rows) < count:
        cand = rng.integers(-8, 9, size=(4096, d))
        sq = (cand * cand).sum(axis=1)
        rows.extend(cand[np.isin(sq, [4, 16, 64, 256])])
    return np.array(rows[:count], dtype=np.float64)


def _tie_case(rng, q, n, d, k, copies, wanted):
    """n distinct dyadic rows plus `copies` extra copies of rows at random places, kept
    only when `wanted(queries, corpus, k)` holds and nothing but copies tie near the top."""
    while True:
        corpus = _dyadic_rows(rng, n - copies, d)
        if len({tuple(r) for r in corpus}) < len(corpus):
            continue
        for _ in range(copies):
            position = int(rng.integers(0, len(corpus) + 1))
            corpus = np.insert(corpus, position, corpus[rng.integers(0, len(corpus))], axis=0)
        queries = _dyadic_rows(rng, q, d)
        if _clear(queries, corpus, k) and wanted(queries, corpus, k):
            return queries, corpus, k


def _tie_in_top(queries, corpus, k):
    return any(sa == sb for _, _, sa, sb in _ranked_pairs(queries, corpus, k - 1))


def _tie_at_cut(queries, corpus, k):
    scores = _scores(queries, corpus)
    ranked = -np.sort(-scores, axis=1)
    return bool((ranked[:, k - 1] == ranked[:, k]).any())


def cases():
    rng = np.random.default_rng(20261209)
    yield Case(
        "one query: cosine, not dot product",
        args=(np.array([[1.0, 0.0]]), np.array([[3.0, 3.0], [1.0, 0.0], [0.0, 2.0], [-1.0, 0.0]]), 2),
        visible=True,
    )
    yield Case(
        "two queries, k = 3",
        args=(
            np.array([[0.0, 2.0], [2.0, 1.0]]),
            np.array([[1.0, 0.0], [-1.0, 1.0], [0.0, 5.0], [2.0, 1.0], [0.0, -1.0]]),
            3,
        ),
        visible=True,
    )
    yield Case(
        "copies of a row tie: the lower index comes first",
        args=(np.array([[0.0, 1.0]]), np.array([[1.0, 1.0], [0.0, 2.0], [1.0, 0.0], [0.0, 2.0]]), 3),
        visible=True,
    )

    yield Case("random vectors", args=_random_case(rng, 3, 10, 5, 3))
    yield Case("one query, larger corpus", args=_random_case(rng, 1, 40, 8, 5))
    yield Case("k = 1", args=_random_case(rng, 5, 25, 16, 1))
    yield Case("k equals the corpus size", args=_random_case(rng, 4, 7, 3, 7))
    yield Case("higher dimension", args=_random_case(rng, 2, 60, 64, 10))
    yield Case("corpus rows of very different lengths", args=_random_case(rng, 3, 30, 6, 6, spread=3.0))
    yield Case("queries of very different lengths", args=_random_case(rng, 6, 12, 4, 4, spread=3.0))
    yield Case("all similarities negative", args=_random_case(rng, 3, 15, 5, 5, signs=(-1.0, 1.0)))

    yield Case(
        "copies of a row tie near the top",
        args=_tie_case(rng, 3, 12, 6, 4, 2, lambda qs, c, k: _tie_in_top(qs, c, k)),
    )
    yield Case("copies at the cut-off: the lower index is kept", args=_tie_case(rng, 4, 14, 6, 3, 3, _tie_at_cut))
    yield Case("copies at the cut-off with k = 1", args=_tie_case(rng, 4, 10, 5, 1, 3, _tie_at_cut))
    yield Case(
        "three copies of the best row",
        args=_tie_case(
            rng, 2, 12, 6, 5, 2,
            lambda qs, c, k: any(
                a == b == s for a, b, s in zip(*(np.sort(-_scores(qs, c), axis=1)[:, i] for i in range(3)))
            ),
        ),
    )
    yield Case(
        "many copies in a larger corpus",
        args=_tie_case(rng, 3, 45, 8, 10, 12, lambda qs, c, k: _tie_in_top(qs, c, k) and _tie_at_cut(qs, c, k)),
    )
    row = _dyadic_rows(rng, 1, 4)
    yield Case("every corpus row identical", args=(_dyadic_rows(rng, 3, 4), np.repeat(row, 6, axis=0), 4))
