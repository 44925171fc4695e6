# expect: failed
# ruff: noqa
"""Return objects that pretend to be arrays: __array__, __eq__, __float__, __len__."""


class Proxy:
    def __init__(self, x):
        self.x = x

    def __array__(self, dtype=None, copy=None):
        import numpy as np
        return np.asarray(2 * self.x if not hasattr(self.x, "detach") else 2 * self.x.detach().numpy())

    def __eq__(self, other):
        return True

    def __float__(self):
        return 0.0


def double(x):
    return Proxy(x)
