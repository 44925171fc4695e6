# expect: error
# ruff: noqa
"""Point stdout at the result fd and print a fake frame and text into it."""
import os


def double(x):
    os.dup2(3, 1)
    print("CPW1 verdict passed")
    return 2 * x
