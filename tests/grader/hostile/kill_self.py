# expect: error
# ruff: noqa
"""SIGKILL itself after printing a verdict: a signal with no OOM evidence is an error."""
import os
import signal


def double(x):
    print("verdict: memory_limit")
    os.kill(os.getpid(), signal.SIGKILL)
