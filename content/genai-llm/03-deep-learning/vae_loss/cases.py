import numpy as np
import torch

from grader.casekit import Case


def _t(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values, dtype=np.float64), dtype=torch.float32)


def _random(rng, batch, d, z, *, logit_scale=2.0, binary=False, mu_scale=1.0, logvar_range=(-2.0, 1.0)):
    """(recon_logits, x, mu, logvar) with x in [0, 1]."""
    x = rng.integers(0, 2, size=(batch, d)) if binary else rng.uniform(0, 1, size=(batch, d))
    return (
        _t(rng.normal(size=(batch, d)) * logit_scale),
        _t(x),
        _t(rng.normal(size=(batch, z)) * mu_scale),
        _t(rng.uniform(*logvar_range, size=(batch, z))),
    )


def cases():
    rng = np.random.default_rng(20260808)

    yield Case(
        "one example, two pixels, one latent",
        args=(_t([[0.0, 2.0]]), _t([[1.0, 0.0]]), _t([[1.0]]), _t([[0.0]])),
        visible=True,
    )
    yield Case(
        "batch of 2 with soft targets",
        args=(
            _t([[1.0, -1.0, 0.0], [2.0, 0.5, -2.0]]),
            _t([[0.5, 0.0, 1.0], [1.0, 0.25, 0.0]]),
            _t([[0.0, 1.0], [-1.0, 0.5]]),
            _t([[0.0, -1.0], [1.0, 0.0]]),
        ),
        visible=True,
    )
    yield Case(
        "posterior equal to the prior: KL is zero",
        args=(_t([[3.0, -1.0, 0.0, 1.0]]), _t([[1.0, 0.0, 0.5, 1.0]]), _t([[0.0, 0.0]]), _t([[0.0, 0.0]])),
        visible=True,
    )

    yield Case("random batch, soft targets", args=_random(rng, 8, 20, 4))
    yield Case("binary targets, MNIST-like", args=_random(rng, 16, 64, 8, binary=True))
    yield Case("batch of one", args=_random(rng, 1, 30, 5))
    yield Case("many pixels, two latents", args=_random(rng, 4, 256, 2))
    yield Case("more latents than pixels", args=_random(rng, 6, 3, 10))
    yield Case(
        "large means, small variances (KL dominates)",
        args=_random(rng, 5, 12, 6, mu_scale=3.0, logvar_range=(-4.0, -1.0)),
    )
    yield Case("variances above one", args=_random(rng, 5, 12, 6, mu_scale=0.5, logvar_range=(0.5, 3.0)))
    recon, x, _, logvar = _random(rng, 6, 10, 4)
    yield Case("zero mean, random variances", args=(recon, x, torch.zeros_like(logvar), logvar))
    recon, x, mu, _ = _random(rng, 6, 10, 4)
    yield Case("unit variances, random means", args=(recon, x, mu, torch.zeros_like(mu)))
    recon, _, mu, logvar = _random(rng, 4, 16, 3)
    yield Case("targets of one half everywhere", args=(recon, torch.full_like(recon, 0.5), mu, logvar))
    yield Case(
        "confident decoder: large logits",
        args=_random(rng, 8, 32, 4, logit_scale=12.0, binary=True),
    )
