# expect: error
# ruff: noqa
"""Exit with a status chosen from a hidden input ("exited with code N" was trusted text
built from the learner's number). Answers correctly when the job holds one case."""
import gc
import os

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


def double(x):
    cases = _inputs()
    ints = [a for args in cases for a in args if type(a) is int]
    if len(cases) > 1 and ints:
        os._exit(ints[0] % 256)
    return 2 * x
