# expect: error
# ruff: noqa
"""Write a shared object to the scratch directory and dlopen it (the scratch is noexec)."""
import ctypes
import shutil


def double(x):
    shutil.copy("/usr/lib/x86_64-linux-gnu/libc.so.6", "mine.so")
    ctypes.CDLL("./mine.so")
    return 2 * x
