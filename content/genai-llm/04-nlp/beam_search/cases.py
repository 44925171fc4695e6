import numpy as np

from grader.casekit import Case


def _log_softmax(x, axis=-1):
    x = x - x.max(axis=axis, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=axis, keepdims=True))


def _cut_gaps(initial, transition, length, width):
    """Smallest score gap at every cut-off (kept vs dropped) and between the final top two."""
    vocab = len(initial)
    ranked = sorted(([t], float(initial[t])) for t in range(vocab))
    ranked.sort(key=lambda c: -c[1])
    gaps = []
    for step in range(length):
        if step:
            ranked = sorted(
                ((s + [t], sc + float(transition[s[-1], t])) for s, sc in ranked[:width] for t in range(vocab)),
                key=lambda c: -c[1],
            )
        if len(ranked) > width:
            gaps.append(ranked[width - 1][1] - ranked[width][1])
    gaps.append(ranked[0][1] - ranked[1][1])
    return min(gaps)


def _random_model(rng, vocab, length, width, scale=2.0):
    """A random Markov model whose beam decisions are all clear (no near-ties)."""
    while True:
        initial = _log_softmax(rng.normal(size=vocab) * scale)
        transition = _log_softmax(rng.normal(size=(vocab, vocab)) * scale, axis=1)
        if _cut_gaps(initial, transition, length, width) > 1e-6:
            return initial, transition


def cases():
    rng = np.random.default_rng(20261207)
    initial = np.log(np.array([0.5, 0.4, 0.1]))
    transition = np.log(np.array([[0.4, 0.3, 0.3], [0.05, 0.9, 0.05], [0.2, 0.2, 0.6]]))
    yield Case("a beam of 2 beats greedy decoding", args=(initial, transition, 2, 2), visible=True)
    yield Case("a beam of 1 is greedy decoding", args=(initial, transition, 3, 1), visible=True)
    yield Case(
        "equal scores: the smaller sequence wins",
        args=(np.array([-2.0, -3.0, -1.0]), np.array([[-3.0, -1.0, -3.0], [-1.0, -1.0, -1.0], [-2.0, -3.0, -3.0]]), 2, 2),
        visible=True,
    )

    # Random models: log-softmax of random logits, every cut-off decided by a clear margin.
    for name, (vocab, length, width) in [
        ("random model, small beam", (5, 4, 2)),
        ("random model, longer sequences", (8, 7, 3)),
        ("random model, wide beam", (10, 5, 6)),
        ("random model, beam as wide as the vocabulary", (6, 5, 6)),
        ("random model, beam of 1", (7, 5, 1)),
        ("random model, large vocabulary", (20, 4, 4)),
        ("random model, two tokens", (2, 6, 2)),
    ]:
        yield Case(name, args=(*_random_model(rng, vocab, length, width), length, width))
    initial, transition = _random_model(rng, 6, 1, 3)
    yield Case("length 1 returns the best first token", args=(initial, transition, 1, 3))
    initial, transition = _random_model(rng, 4, 6, 3, scale=4.0)
    yield Case("peaked distributions", args=(initial, transition, 6, 3))

    # A first token that looks worse leads to a much better sequence.
    initial = np.log(np.array([0.36, 0.31, 0.19, 0.14]))
    transition = np.log(np.array([
        [0.32, 0.27, 0.22, 0.19],
        [0.04, 0.06, 0.83, 0.07],
        [0.08, 0.11, 0.13, 0.68],
        [0.23, 0.26, 0.24, 0.27],
    ]))
    yield Case("a worse first token can lead to the best sequence", args=(initial, transition, 3, 2))
    yield Case("a longer search with a wider beam", args=(initial, transition, 4, 3))

    # Two extensions of the same beam can both survive a cut.
    initial = np.log(np.array([0.7, 0.2, 0.1]))
    transition = np.log(np.array([[0.5, 0.42, 0.08], [0.04, 0.06, 0.9], [0.3, 0.33, 0.37]]))
    yield Case("one beam can fill several places of the next beam", args=(initial, transition, 3, 2))
    # A token outside the first beam_width would win if it were allowed to start a beam.
    initial = np.log(np.array([0.4, 0.27, 0.18, 0.15]))
    transition = np.log(np.array([
        [0.26, 0.24, 0.29, 0.21],
        [0.27, 0.23, 0.21, 0.29],
        [0.31, 0.19, 0.27, 0.23],
        [0.01, 0.02, 0.03, 0.94],
    ]))
    yield Case("only the best first tokens start beams", args=(initial, transition, 3, 2))

    # Ties, with exactly representable log-probabilities so that equal scores are exactly equal.
    yield Case(
        "a tie among the first tokens keeps the smaller token",
        args=(
            np.array([-2.0, -1.5, -1.5, -3.0]),
            np.array([[-3.0, -3.0, -1.5, -3.0], [-3.0, -0.5, -1.0, -1.0], [-1.5, -3.0, -1.5, -3.0], [-1.0, -3.0, -1.5, -2.0]]),
            4, 1,
        ),
    )
    yield Case(
        "a tie at the cut-off keeps the smaller sequence",
        args=(
            np.array([-1.5, -1.0, -0.5]),
            np.array([[-0.5, -1.5, -1.0], [-1.5, -2.0, -1.0], [-3.0, -2.0, -2.0]]),
            4, 2,
        ),
    )
    yield Case(
        "a tie between different beams decides which survives",
        args=(
            np.array([-1.5, -2.0, -1.0, -0.5, -3.0]),
            np.array([
                [-1.0, -1.0, -2.0, -3.0, -1.0],
                [-1.5, -1.0, -2.0, -3.0, -2.0],
                [-3.0, -1.0, -1.5, -2.0, -1.0],
                [-1.5, -2.0, -3.0, -2.0, -2.0],
                [-1.5, -1.5, -0.5, -1.5, -2.0],
            ]),
            3, 2,
        ),
    )
    yield Case(
        "a tie at a later cut-off keeps the smaller sequence",
        args=(
            np.array([-1.0, -1.5, -0.5, -1.0]),
            np.array([[-2.0, -0.5, -2.0, -3.0], [-1.5, -3.0, -1.5, -2.0], [-3.0, -2.0, -2.0, -0.5], [-1.5, -2.0, -1.0, -1.0]]),
            4, 1,
        ),
    )
    yield Case(
        "a tie at the final step goes to the smaller sequence",
        args=(
            np.array([-1.5, -3.0, -0.5]),
            np.array([[-0.5, -1.5, -1.0], [-1.0, -2.0, -3.0], [-3.0, -1.0, -3.0]]),
            3, 2,
        ),
    )
    yield Case(
        "all scores equal: the smallest sequence",
        args=(np.full(3, -1.0), np.full((3, 3), -1.0), 3, 2),
    )
