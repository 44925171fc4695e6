# expect: memory_limit|timeout
# ruff: noqa
"""Touch far more memory than the budget, in pages the address-space limit still allows:
the kernel's OOM killer stops it inside the slot cgroup (kernel evidence)."""
import numpy as np

hoard = []


def double(x):
    while True:
        hoard.append(np.ones(8_000_000))  # 64 MB at a time, every page written
