# expect: failed|timeout
# ruff: noqa
"""Leave a dispatch mode active that doubles every op's output at the aten level."""
import torch
from torch.utils._python_dispatch import TorchDispatchMode


class Doubler(TorchDispatchMode):
    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if isinstance(out, torch.Tensor) and out.is_floating_point():
            return out * 2
        return out


Doubler().__enter__()


def double(x):
    return x
