# expect: timeout
# ruff: noqa
"""Ignore SIGTERM, SIGXCPU and SIGINT, then spin: the hard CPU limit and the wall clock still kill."""
import signal

for sig in (signal.SIGTERM, signal.SIGXCPU, signal.SIGINT, signal.SIGHUP):
    signal.signal(sig, signal.SIG_IGN)


def double(x):
    while True:
        pass
