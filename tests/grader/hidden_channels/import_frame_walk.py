# expect: error
# ruff: noqa
"""At import, walk up the stack to the harness's case frames, decode them with the
sandbox's own wire module and raise with every input in the message (a load error's
traceback used to be shown for the whole Submit). Raises only in a job that holds more
than the one visible case, so the visible job loads and passes."""
import sys

import wire


def _inputs():
    seen, found = set(), []
    frame = sys._getframe()
    while frame is not None:
        for value in list(frame.f_locals.values()):
            if type(value) is list and value and all(type(v) is bytes for v in value):
                for raw in value:
                    if raw[:4] != b"CPW1" or raw in seen:
                        continue
                    seen.add(raw)
                    item = wire.decode(raw, wire.Limits(64 << 20, 1 << 30))
                    if type(item) is dict and "args" in item:
                        found.append(item["args"])
        frame = frame.f_back
    return found


_CASES = _inputs()
if len(_CASES) > 1:
    raise ValueError(
        "LEAK " + repr([[a.tolist() if hasattr(a, "tolist") else a for a in c] for c in _CASES])
    )


def double(x):
    return 2 * x
