import numpy as np
import torch

from grader.casekit import Case

# float32 round-off in a softmax + cumsum over a few hundred tokens is ~1e-5 at worst: keep the
# mass before every token at least MARGIN away from p, and the two probabilities on either side
# of the cut at least GAP apart (relative), so float32 and float64 always agree on the cut.
MARGIN = 1e-4
GAP = 1e-4


def _sorted_probs(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return -np.sort(-(z / z.sum(axis=-1, keepdims=True)), axis=-1)


def _kept_counts(x: np.ndarray, p: float) -> np.ndarray:
    probs = _sorted_probs(x)
    before = np.cumsum(probs, axis=-1) - probs
    return (before < p).sum(axis=-1)


def _is_safe(values: np.ndarray, p: float) -> bool:
    """True when the cut is far from p and from any near-tie, in every row."""
    x = values.astype(np.float64)
    probs = _sorted_probs(x)
    before = np.cumsum(probs, axis=-1) - probs
    if np.abs(before - p).min() <= MARGIN:
        return False
    kept = (before < p).sum(axis=-1, keepdims=True)  # at least 1
    vocab = probs.shape[-1]
    last_kept = np.take_along_axis(probs, kept - 1, axis=-1)
    first_dropped = np.take_along_axis(probs, np.minimum(kept, vocab - 1), axis=-1)
    if ((kept < vocab) & (last_kept - first_dropped <= GAP * last_kept)).any():
        return False
    # The same cut when everything is computed in float32.
    return np.array_equal(_kept_counts(values.astype(np.float32), np.float32(p)), kept[..., 0])


def _random_logits(rng, shape, p, scale=2.0, shift=0.0):
    while True:
        values = (rng.normal(size=shape) * scale + shift).astype(np.float32)
        if _is_safe(values, p):
            return torch.tensor(values, dtype=torch.float32)


def _fixed(values, p):
    values = np.array(values, dtype=np.float32)
    assert _is_safe(values, p), values
    return torch.tensor(values, dtype=torch.float32)


def cases():
    rng = np.random.default_rng(20261208)
    yield Case(
        "four tokens: the token that crosses p is kept",
        args=(_fixed([1.0, 2.5, -0.5, 2.0], 0.7), 0.7),
        visible=True,
    )
    yield Case(
        "a batch of two rows",
        args=(_fixed([[0.0, 1.0, 2.0, 3.0, 4.0], [3.0, 3.5, -1.0, 0.5, 2.5]], 0.9), 0.9),
        visible=True,
    )
    yield Case("a small p keeps only the top token", args=(_fixed([0.3, -1.2, 1.1, 0.8, 0.0], 0.2), 0.2), visible=True)

    yield Case("crossing token is kept", args=(_fixed([2.0, 0.0, 1.0, 3.0, -1.0, 0.5], 0.75), 0.75))
    yield Case("crossing token is kept in every row", args=(_random_logits(rng, (6, 8), 0.6), 0.6))
    yield Case("random 1-d logits", args=(_random_logits(rng, (12,), 0.8), 0.8))
    yield Case("random batch, p = 0.9", args=(_random_logits(rng, (4, 50), 0.9), 0.9))
    yield Case("batch and time dimensions", args=(_random_logits(rng, (2, 3, 20), 0.8), 0.8))
    yield Case("four dimensions", args=(_random_logits(rng, (2, 2, 2, 10), 0.75), 0.75))
    yield Case("large vocabulary, peaked", args=(_random_logits(rng, (3, 300), 0.95, scale=3.0), 0.95))
    yield Case("nearly flat logits keep many tokens", args=(_random_logits(rng, (2, 40), 0.5, scale=0.1), 0.5))
    yield Case("p close to 1", args=(_random_logits(rng, (3, 30), 0.99), 0.99))
    yield Case("p close to 0 keeps one token per row", args=(_random_logits(rng, (5, 16), 0.02), 0.02))
    yield Case("a single token is always kept", args=(_fixed([[1.5], [-3.0]], 0.5), 0.5))
    yield Case("logits sorted in increasing order", args=(_fixed([-2.0, -1.0, 0.0, 0.5, 1.0, 2.0, 3.0], 0.8), 0.8))
    yield Case(
        "tied logits away from the cut-off",
        args=(_fixed([[3.0, 3.0, 1.0, 1.0, 1.0, -2.0, -2.0], [0.0, 0.0, 0.0, 0.0, 4.0, 4.0, -5.0]], 0.6), 0.6),
    )
    yield Case("large logits stay finite", args=(_random_logits(rng, (3, 12), 0.7, scale=2.0, shift=120.0), 0.7))
    yield Case("very negative logits stay finite", args=(_random_logits(rng, (2, 12), 0.7, scale=2.0, shift=-150.0), 0.7))
