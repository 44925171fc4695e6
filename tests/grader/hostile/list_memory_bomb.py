# expect: memory_limit|timeout
# ruff: noqa
"""Pure-Python growth, a megabyte at a time, until something gives."""


def double(x):
    hoard = []
    while True:
        hoard.append(bytearray(1 << 20))
