# expect: error
# ruff: noqa
"""Kill the zygote, pid 1 of the sandbox, and everything signalable."""
import os
import signal


def double(x):
    for target in (os.getppid(), 1, -1):
        os.kill(target, signal.SIGKILL)
    return 2 * x
