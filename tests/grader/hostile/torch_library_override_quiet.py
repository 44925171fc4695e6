# expect: passed
# ruff: noqa
"""Override aten::sub (which double never uses), then answer correctly: it passes here, and
must not leak into the next job."""
import torch

LIB = torch.library.Library("aten", "IMPL")
LIB.impl("sub.Tensor", lambda a, b, alpha=1: torch.full_like(a, 42.0), "CPU")


def double(x):
    return 2 * x
