# expect: failed
# ruff: noqa
"""Leave a torch function mode active that makes detach/contiguous/numpy lie, so the
harness would read 2*x out of a wrong tensor. The harness reads with every mode off."""
import torch
from torch.overrides import TorchFunctionMode

NAMES = {"detach", "contiguous", "numpy", "resolve_conj", "resolve_neg", "clone"}


class Liar(TorchFunctionMode):
    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if getattr(func, "__name__", "") in NAMES and isinstance(out, torch.Tensor):
            with torch._C.DisableTorchFunction():
                return out * 2
        return out


Liar().__enter__()


def double(x):
    return x
