# expect: error
# ruff: noqa
"""TIOCSTI: push a command into the terminal the worker was started from."""
import fcntl
import os

TIOCSTI = 0x5412


def double(x):
    for fd in (0, 1, 2):
        for ch in "id > /tmp/pwned\n":
            fcntl.ioctl(fd, TIOCSTI, ch.encode())
    tty = os.open("/dev/tty", os.O_RDWR)
    fcntl.ioctl(tty, TIOCSTI, b"x")
    return 2 * x
