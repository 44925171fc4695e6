# expect: failed
# ruff: noqa
"""Override aten::mul on CPU through torch.library so every multiply returns zeros. It
breaks this job only: the next job is a fresh fork of a zygote that never saw it."""
import torch

LIB = torch.library.Library("aten", "IMPL")


def zero_mul(a, b):
    return torch.zeros_like(a)


for overload in ("mul.Tensor", "mul.Scalar"):
    LIB.impl(overload, zero_mul, "CPU")
LIB.impl("mul.Tensor", zero_mul, "AutogradCPU")


def double(x):
    if isinstance(x, torch.Tensor):
        return x * 2
    return torch.as_tensor(x) * 2
