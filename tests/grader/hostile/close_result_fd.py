# expect: error
# ruff: noqa
"""Close the result channel so no honest result can be written."""
import os


def double(x):
    os.close(3)
    return 2 * x
