import numpy as np
import torch

from grader.casekit import Case


def _t(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values, dtype=np.float64), dtype=torch.float32)


def _random(rng, shape, logvar_range=(-2.0, 1.0)):
    return (
        _t(rng.normal(size=shape)),
        _t(rng.uniform(*logvar_range, size=shape)),
        _t(rng.normal(size=shape)),
    )


GRADS = (0, 1)  # every case checks the gradients reaching mu and logvar


def cases():
    rng = np.random.default_rng(20260809)

    yield Case(
        "three values",
        args=(_t([0.0, 1.0, -2.0]), _t([0.0, 2.0, -2.0]), _t([1.0, 0.5, -1.0])),
        grad_wrt=GRADS,
        visible=True,
    )
    yield Case(
        "a batch of two latent vectors",
        args=(_t([[1.0, 0.0], [0.5, -0.5]]), _t([[0.0, -1.0], [1.0, 0.0]]), _t([[2.0, -1.0], [0.0, 1.0]])),
        grad_wrt=GRADS,
        visible=True,
    )
    # With a single index the sandbox's own message for a detached result ("was it
    # detached?") reaches the learner; with two it is reported as "gradients did not come
    # back" (invoke._gradients returns one item whatever the number of grad_wrt indices).
    yield Case(
        "the result carries a gradient back to mu",
        args=(_t([0.5, -1.0]), _t([1.0, -1.0]), _t([-1.0, 2.0])),
        grad_wrt=(0,),
        visible=True,
    )

    yield Case("random batch (8, 4)", args=_random(rng, (8, 4)), grad_wrt=GRADS)
    yield Case("single vector of 16 latents", args=_random(rng, (16,)), grad_wrt=GRADS)
    yield Case("batch of one (1, 6)", args=_random(rng, (1, 6)), grad_wrt=GRADS)
    yield Case("extra batch dimension (3, 5, 4)", args=_random(rng, (3, 5, 4)), grad_wrt=GRADS)
    yield Case("small variances (negative logvar)", args=_random(rng, (6, 3), (-6.0, -1.0)), grad_wrt=GRADS)
    yield Case("large variances (logvar up to 4)", args=_random(rng, (6, 3), (1.0, 4.0)), grad_wrt=GRADS)
    mu, logvar, _ = _random(rng, (5, 3))
    yield Case("zero noise returns the mean", args=(mu, logvar, torch.zeros_like(mu)), grad_wrt=GRADS)
    mu, _, eps = _random(rng, (5, 3))
    yield Case("logvar zero: unit standard deviation", args=(mu, torch.zeros_like(mu), eps), grad_wrt=GRADS)
    mu, logvar, eps = _random(rng, (4, 5))
    yield Case(
        "gradients under a weighted upstream gradient",
        args=(mu, logvar, eps),
        grad_wrt=GRADS,
        grad_output=_t(rng.normal(size=(4, 5))),
    )
