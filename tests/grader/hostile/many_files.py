# expect: error|timeout
# ruff: noqa
"""Exhaust inodes: the scratch tmpfs has an inode cap, so creating files fails (ENOSPC)."""


def double(x):
    for i in range(1_000_000):
        with open(f"f{i}", "w") as f:
            f.write("x")
    return 2 * x
