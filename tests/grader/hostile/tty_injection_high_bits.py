# expect: error
# ruff: noqa
"""TIOCSTI with garbage in the high 32 bits, to slip past an exact-match seccomp rule."""
import ctypes

libc = ctypes.CDLL(None, use_errno=True)


def double(x):
    for fd in (0, 1, 2):
        if libc.syscall(16, fd, ctypes.c_ulong(0x1_0000_5412), ctypes.c_char_p(b"x")) == 0:
            return 2 * x  # injected: would pass, which the test would flag
    raise PermissionError(ctypes.get_errno(), "TIOCSTI refused")
