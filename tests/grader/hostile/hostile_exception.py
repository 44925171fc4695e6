# expect: error
# ruff: noqa
"""Raise an exception whose __str__ raises and whose type name is enormous."""


class Nasty(Exception):
    def __str__(self):
        raise RuntimeError("no text for you")


Nasty.__name__ = "N" * 100_000


def double(x):
    raise Nasty()
