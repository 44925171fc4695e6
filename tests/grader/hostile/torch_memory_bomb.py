# expect: memory_limit
# ruff: noqa
"""torch's CPU allocator refuses under RLIMIT_AS and raises RuntimeError."""
import torch


def double(x):
    big = torch.ones(4_000_000_000)
    return 2 * x + big[0] - 1
