# expect: failed
# ruff: noqa
"""Carry the inputs of every case in a class's __module__ and __qualname__ and return an
instance: the trusted side names the type in "expected ..., got a value of type ...".
Returns the right answer when the job holds only the case being called."""
import gc

import wire


def _inputs():
    seen, found = set(), []
    for obj in gc.get_objects():
        if type(obj) is list and obj and all(type(v) is bytes for v in obj):
            for raw in obj:
                if raw[:4] != b"CPW1" or raw in seen:
                    continue
                seen.add(raw)
                item = wire.decode(raw, wire.Limits(64 << 20, 1 << 30))
                if type(item) is dict and "args" in item:
                    found.append(item["args"])
    return found


def _flat(value):
    if hasattr(value, "tolist"):
        value = value.tolist()
    if type(value) in (list, tuple):
        return [x for item in value for x in _flat(item)]
    return [value]


def double(x):
    cases = _inputs()
    if len(cases) > 1:
        text = "_".join(repr(v) for args in cases for a in args for v in _flat(a))
        carrier = type("Carrier", (), {})
        carrier.__module__ = text[:40]
        carrier.__qualname__ = text[40:80]
        return carrier()
    return 2 * x
