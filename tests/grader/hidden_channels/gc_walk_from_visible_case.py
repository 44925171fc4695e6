# expect: error
# ruff: noqa
"""From inside a call, find every case frame of the job through gc, decode them and raise
with all of them: the first call is a visible case, whose traceback is shown. Raises only
when the job holds more than the case being called."""
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


def double(x):
    cases = _inputs()
    if len(cases) > 1:
        values = [[a.tolist() if hasattr(a, "tolist") else a for a in c] for c in cases]
        raise RuntimeError(f"LEAK {values!r}")
    return 2 * x
