# expect: timeout
# ruff: noqa
"""Block while the module loads: the deadline covers loading, not just the calls."""
import signal

signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGTERM})
signal.pause()


def double(x):
    return 2 * x
