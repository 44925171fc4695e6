# expect: error
# ruff: noqa
"""Exit while the module loads."""
import sys

sys.exit("bye")


def double(x):
    return 2 * x
