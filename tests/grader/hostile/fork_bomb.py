# expect: error
# ruff: noqa
"""Classic fork bomb: fork() is refused by seccomp (clone without CLONE_THREAD)."""
import os


def double(x):
    while True:
        os.fork()
