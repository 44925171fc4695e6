# expect: error
# ruff: noqa
"""Overflow the C stack: recursion through len() and the __len__ slot with the recursion
limit lifted. Each level costs C stack (3.11 cannot inline it), so SIGSEGV ends it."""
import sys

sys.setrecursionlimit(10**8)


class Deep:
    def __len__(self):
        return len(self) + 1


def double(x):
    return len(Deep())
