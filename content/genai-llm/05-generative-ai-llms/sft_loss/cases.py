import numpy as np
import torch

from grader.casekit import Case


def _t(array):
    return torch.tensor(np.asarray(array), dtype=torch.float32)


def _labels(array):
    return torch.tensor(np.asarray(array), dtype=torch.int64)


def _batch(rng, b, t, v, scale=2.0, ignore_frac=0.0, ignore_index=-100):
    logits = _t(rng.normal(scale=scale, size=(b, t, v)))
    labels = rng.integers(0, v, size=(b, t))
    labels[rng.random((b, t)) < ignore_frac] = ignore_index
    labels[:, 1] = rng.integers(0, v, size=b)  # every sequence keeps at least one target
    return logits, _labels(labels)


def cases():
    rng = np.random.default_rng(20260308)

    # Visible: small and readable.
    yield Case("one sequence of three tokens",
               args=(_t([[[2.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 5.0]]]), _labels([[1, 0, 2]])),
               visible=True)
    yield Case("a label of -100 is ignored",
               args=(_t([[[1.0, 0.0], [0.0, 1.0], [2.0, 0.0], [0.0, 0.0]]]),
                     _labels([[0, 1, -100, 1]])),
               visible=True)
    yield Case("two sequences with different numbers of targets",
               args=(_t([[[1.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 2.0, 0.0]],
                         [[0.0, 0.0, 3.0], [1.0, 1.0, 0.0], [0.0, 0.0, 0.0]]]),
                     _labels([[-100, -100, 1], [1, 2, 0]])),
               visible=True)

    # Hidden: the shift.
    yield Case("logits at t predict the label at t + 1", args=_batch(rng, 3, 6, 8))
    yield Case("random batch with ignored positions", args=_batch(rng, 2, 8, 10, ignore_frac=0.25))
    yield Case("two tokens per sequence: one prediction each", args=_batch(rng, 4, 2, 6))
    yield Case("a single sequence", args=_batch(rng, 1, 9, 12, ignore_frac=0.2))
    yield Case("larger vocabulary", args=_batch(rng, 2, 5, 200, ignore_frac=0.2))

    # Hidden: ignored positions and the per-token mean.
    logits, _ = _batch(rng, 4, 10, 7)
    labels = rng.integers(0, 7, size=(4, 10))
    for row, prompt in enumerate([2, 8, 5, 1]):   # prompts of different lengths
        labels[row, :prompt] = -100
    yield Case("prompt tokens masked with -100", args=(logits, _labels(labels)))

    logits, _ = _batch(rng, 3, 8, 5)
    labels = rng.integers(0, 5, size=(3, 8))
    labels[0, 2:] = -100          # one target
    labels[1, 5:] = -100          # four targets
    yield Case("per-token mean over the batch, not per sequence", args=(logits, _labels(labels)))

    logits, labels = _batch(rng, 3, 6, 5)
    labels[1, 1:] = -100
    yield Case("a sequence with no targets at all", args=(logits, labels))

    logits, _ = _batch(rng, 2, 5, 6)
    labels = torch.full((2, 5), -100, dtype=torch.int64)
    labels[1, 3] = 4
    labels[0, 0] = 2              # never predicted: position 0 has no logits before it
    yield Case("only one target in the whole batch", args=(logits, labels))

    logits, labels = _batch(rng, 2, 7, 6, ignore_frac=0.3, ignore_index=-1)
    yield Case("custom ignore_index passed positionally", args=(logits, labels, -1))

    logits, labels = _batch(rng, 3, 6, 5)
    labels[0, 4:] = 0
    labels[2, 2:] = 0
    yield Case("ignore_index=0 passed as a keyword: class 0 is padding",
               args=(logits, labels), kwargs={"ignore_index": 0})

    # Confident predictions: logits far apart, some targets at the lowest logit.
    logits = _t(rng.normal(scale=60.0, size=(2, 6, 5)))
    labels = np.roll(logits.argmin(dim=-1).numpy(), 1, axis=1)
    labels[:, 1::2] = rng.integers(0, 5, size=(2, 3))
    yield Case("large logits stay finite", args=(logits, _labels(labels)))
