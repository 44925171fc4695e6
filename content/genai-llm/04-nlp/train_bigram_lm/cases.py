import numpy as np

from grader.casekit import Case


def _ids(values) -> np.ndarray:
    return np.asarray(values, dtype=np.int64)


def _markov_text(rng, V: int, N: int, *, sharpness: float = 2.0) -> np.ndarray:
    """N tokens from a random first-order Markov chain: something for the model to learn."""
    logits = rng.normal(size=(V, V)) * sharpness
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    out = [int(rng.integers(V))]
    for _ in range(N - 1):
        out.append(int(rng.choice(V, p=probs[out[-1]])))
    return _ids(out)


def cases():
    rng = np.random.default_rng(20261208)

    # Visible: the statement's example, zero steps, and a single pair.
    yield Case("four tokens, one step (the statement's example)", args=(_ids([0, 1, 0, 2]), 3, 3.0, 1), visible=True)
    yield Case("zero steps: zeros and no losses", args=(_ids([0, 1, 0, 2]), 3, 3.0, 0), visible=True)
    yield Case("three steps on a short sequence", args=(_ids([1, 0, 1, 1, 2, 0]), 3, 1.0, 3), visible=True)

    # Hidden.
    yield Case("N = 2: a single pair", args=(_ids([3, 1]), 4, 1.5, 5))
    yield Case("a Markov text, 50 steps", args=(_markov_text(rng, 6, 200), 6, 2.0, 50))
    yield Case("a larger vocabulary, 100 steps", args=(_markov_text(rng, 20, 600), 20, 4.0, 100))
    yield Case("a small learning rate, 200 steps", args=(_markov_text(rng, 8, 150), 8, 0.3, 200))
    yield Case("a large learning rate on a long text", args=(_markov_text(rng, 12, 2000), 12, 8.0, 40))
    yield Case("uniform random tokens", args=(_ids(rng.integers(0, 10, size=300)), 10, 2.0, 30))
    text = _markov_text(rng, 5, 60)
    yield Case(
        "a token that only ends the text keeps a zero row",
        args=(np.concatenate([text, _ids([6])]), 7, 2.0, 25),
    )
    yield Case("tokens never seen keep zero rows and get pushed down", args=(_ids([0, 2, 0, 2, 2, 0, 4]), 6, 1.0, 10))
    yield Case("a text that repeats one token", args=(_ids([2] * 12), 4, 1.0, 15))
    yield Case("a deterministic cycle", args=(_ids([0, 1, 2, 3] * 10), 4, 3.0, 60))
    yield Case("one step only", args=(_markov_text(rng, 9, 100), 9, 2.5, 1))
    yield Case("a learning rate of exactly 2", args=(_markov_text(rng, 5, 80), 5, 2.0, 20))
