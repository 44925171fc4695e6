# expect: error
# ruff: noqa
"""os._exit(0) before returning: a clean exit code is not a result."""
import os


def double(x):
    print("all tests passed")
    os._exit(0)
