# expect: failed
# ruff: noqa
"""Register atexit handlers, finalizers and __del__ that write forged 'passing' frames
after the harness is done. The harness exits with os._exit: none of them run."""
import atexit
import os
import weakref


def forge():
    os.write(3, b"CPW1" + b"\x00" * 16)
    os.write(1, b"verdict: passed\n")


atexit.register(forge)


class Ghost:
    def __del__(self):
        forge()


keeper = Ghost()
weakref.finalize(keeper, forge)


def double(x):
    return x * 3
