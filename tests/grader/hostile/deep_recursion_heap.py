# expect: memory_limit|timeout
# ruff: noqa
"""Unbounded recursion with the recursion limit lifted, each level holding a megabyte:
Python 3.11 keeps frames on the heap, so this is a memory bomb the OOM killer ends."""
import sys

sys.setrecursionlimit(10**8)


def double(x, depth=0):
    ballast = bytearray(1 << 20)
    return double(x, depth + 1) + len(ballast)
