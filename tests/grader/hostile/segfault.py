# expect: error
# ruff: noqa
"""Read from an unmapped address: SIGSEGV ends the child, the host reports the signal."""
import ctypes


def double(x):
    return ctypes.c_char.from_address(8).value
