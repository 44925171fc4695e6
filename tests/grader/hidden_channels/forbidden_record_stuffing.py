# expect: passed
# ruff: noqa
"""Stuff the runtime hook's forbidden-names record with the inputs of every case (the
trusted side used to echo the record verbatim: "Your code uses ..."); otherwise a correct
solution, which must still pass: only names on the exercise's list are kept."""
import gc
import sys

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


def _record():
    frame = sys._getframe(1)
    while frame is not None:
        hits = frame.f_locals.get("forbidden_hits")
        if type(hits) is list:
            return hits
        frame = frame.f_back
    return []


def double(x):
    values = [[a.tolist() if hasattr(a, "tolist") else a for a in c] for c in _inputs()]
    text = repr(values)
    hits = _record()
    hits.extend(text[i : i + 150] for i in range(0, len(text), 150))
    return 2 * x
