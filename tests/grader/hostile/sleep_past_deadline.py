# expect: timeout
# ruff: noqa
"""Sleeping uses no CPU: only the host's wall clock stops it."""
import time


def double(x):
    time.sleep(3600)
    return 2 * x
