# expect: passed
# ruff: noqa
"""A correct solution that asks torch for 16 threads: the request is clamped, never an error."""
import torch

torch.set_num_threads(16)
torch.set_num_interop_threads(16)


def double(x):
    if isinstance(x, torch.Tensor):
        big = torch.ones(512, 512) @ torch.ones(512, 512)
        return x * 2 + (big[0, 0] - 512)
    return 2 * x
