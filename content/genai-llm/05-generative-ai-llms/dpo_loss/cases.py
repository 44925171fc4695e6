import numpy as np
import torch

from grader.casekit import Case


def _t(array):
    return torch.tensor(np.asarray(array), dtype=torch.float32)


def _logps(rng, n, low=-120.0, high=-5.0, shift=3.0):
    """Reference log-probs, and policy log-probs a few nats away from them."""
    ref_c = rng.uniform(low, high, size=n)
    ref_r = rng.uniform(low, high, size=n)
    pol_c = ref_c + rng.normal(scale=shift, size=n)
    pol_r = ref_r + rng.normal(scale=shift, size=n)
    return _t(pol_c), _t(pol_r), _t(ref_c), _t(ref_r)


def cases():
    rng = np.random.default_rng(20260311)

    # Visible: small and readable.
    yield Case("one pair, beta = 0.1",
               args=(_t([-10.0]), _t([-12.0]), _t([-11.0]), _t([-11.0]), 0.1), visible=True)
    yield Case("a policy equal to the reference costs log 2",
               args=(_t([-3.0, -20.0]), _t([-4.0, -2.0]), _t([-3.0, -20.0]), _t([-4.0, -2.0]), 0.5),
               visible=True)
    yield Case("two pairs, beta = 0.5",
               args=(_t([-5.0, -8.0]), _t([-9.0, -4.0]), _t([-6.0, -6.0]), _t([-7.0, -5.0]), 0.5),
               visible=True)

    # Hidden.
    yield Case("random log-probabilities, beta = 0.1", args=(*_logps(rng, 16), 0.1))
    # The policy alone prefers the chosen answers, but by less than the reference does:
    # without the reference terms the sign of every margin flips.
    ref_c = rng.uniform(-60.0, -20.0, size=10)
    ref_r = ref_c - rng.uniform(8.0, 15.0, size=10)
    pol_c = ref_c - rng.uniform(1.0, 3.0, size=10)
    pol_r = pol_c - rng.uniform(1.0, 4.0, size=10)
    yield Case("the reference model's log-probabilities matter",
               args=(_t(pol_c), _t(pol_r), _t(ref_c), _t(ref_r), 0.2))
    yield Case("beta scales both log-ratios", args=(*_logps(rng, 12, shift=6.0), 0.5))
    yield Case("beta larger than 1", args=(*_logps(rng, 12), 2.0))
    yield Case("small beta", args=(*_logps(rng, 12, shift=20.0), 0.01))
    yield Case("beta passed as a keyword", args=_logps(rng, 8), kwargs={"beta": 0.3})
    yield Case("a single pair", args=(*_logps(rng, 1), 0.25))
    yield Case("long answers: log-probabilities of hundreds of nats",
               args=(*_logps(rng, 10, low=-900.0, high=-300.0, shift=10.0), 0.1))
    yield Case("a larger batch", args=(*_logps(rng, 256, shift=5.0), 0.1))
    _, pol_r, ref_c, ref_r = _logps(rng, 8, shift=5.0)
    yield Case("policy moved only on the rejected answers",
               args=(ref_c.clone(), pol_r, ref_c, ref_r, 0.4))

    # Large margins: beta * margin up to +-1000.
    margins = np.array([2000.0, -2000.0, 900.0, -900.0, 40.0, -40.0, 0.0, -1500.0])
    ref_c = rng.uniform(-2600.0, -2400.0, size=8)
    ref_r = rng.uniform(-2600.0, -2400.0, size=8)
    pol_r = ref_r + rng.uniform(-200.0, 200.0, size=8)
    pol_c = ref_c + (pol_r - ref_r) + margins
    yield Case("large margins stay finite",
               args=(_t(pol_c), _t(pol_r), _t(ref_c), _t(ref_r), 0.5))
    yield Case("large negative margins: the loss grows with the margin",
               args=(_t(ref_c - 1500.0), _t(ref_r + 300.0), _t(ref_c), _t(ref_r), 0.3))
