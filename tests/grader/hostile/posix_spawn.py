# expect: error
# ruff: noqa
"""posix_spawn takes another path to a new process (clone/vfork + exec): refused."""
import os


def double(x):
    os.posix_spawn("/usr/bin/env", ["env"], {})
    return 2 * x
