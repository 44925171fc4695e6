import numpy as np
import torch

from grader.casekit import Case


def _t(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values, dtype=np.float64), dtype=torch.float32)


def cases():
    rng = np.random.default_rng(20260807)

    yield Case("zero logits: every term is log 2", args=(_t([0.0, 0.0]), _t([0.0, 0.0])), visible=True)
    yield Case(
        "a few real and fake logits",
        args=(_t([2.0, -1.0, 0.5]), _t([-3.0, 1.0, 0.0])),
        visible=True,
    )
    yield Case(
        "column-shaped logits (B, 1)",
        args=(_t([[4.0], [1.0], [-0.5], [2.0]]), _t([[-2.0], [0.5], [-1.0], [1.5]])),
        visible=True,
    )

    yield Case("random logits, batch of 32", args=(_t(rng.normal(size=32) * 2), _t(rng.normal(size=32) * 2)))
    yield Case(
        "random column logits, batch of 64",
        args=(_t(rng.normal(size=(64, 1)) * 3 + 1), _t(rng.normal(size=(64, 1)) * 3 - 1)),
    )
    yield Case(
        "real and fake batches of different sizes",
        args=(_t(rng.normal(size=(10, 1)) * 2), _t(rng.normal(size=(25, 1)) * 2)),
    )
    yield Case("a single real and a single fake logit", args=(_t([0.7]), _t([-1.3])))
    yield Case(
        "patch discriminator output (B, 1, 4, 4): mean over every element",
        args=(_t(rng.normal(size=(3, 1, 4, 4)) * 2), _t(rng.normal(size=(3, 1, 4, 4)) * 2)),
    )
    yield Case(
        "discriminator rejects the fakes: non-saturating generator loss",
        args=(_t(rng.normal(size=16) + 2), _t(rng.normal(size=16) * 0.5 - 3)),
    )
    yield Case(
        "fooled discriminator: large positive fake logits",
        args=(_t(rng.uniform(-30, -20, size=8)), _t(rng.uniform(20, 40, size=8))),
    )
    yield Case(
        "confident discriminator: large logits of the right sign",
        args=(_t(rng.uniform(20, 40, size=8)), _t(rng.uniform(-40, -20, size=8))),
    )
    yield Case(
        "logits of +-100 stay finite",
        args=(_t([100.0, -100.0, 50.0, -75.0, 0.0]), _t([-100.0, 100.0, 99.5, -50.0, 1.0])),
    )
    yield Case(
        "random logits up to +-100",
        args=(_t(rng.uniform(-100, 100, size=(20, 1))), _t(rng.uniform(-100, 100, size=(20, 1)))),
    )
    yield Case(
        "all real logits -100 and all fake logits +100",
        args=(_t(np.full(6, -100.0)), _t(np.full((4, 1), 100.0))),
    )
