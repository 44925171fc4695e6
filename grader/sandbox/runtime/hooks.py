"""Runtime hook for forbidden calls: a teaching aid, not a boundary.

Each forbidden dotted name ("torch.nn.functional.conv2d", "torch.nn.Conv2d") is replaced
on its module by a wrapper that notes the name when it is called (classes: instantiated)
directly from the learner's file, then behaves exactly like the original. Calls made by
torch's own code are not counted, so using an allowed function that happens to call a
forbidden one inside torch never fails a solution. Determined code can undo the hook;
the static scan on the trusted side and the statement say so.
"""

from __future__ import annotations

import functools
import importlib
import sys

FILENAME = "submission.py"


def install(names: list[str]) -> list[str]:
    """Wrap every resolvable forbidden name; return the (shared) list that collects hits."""
    hits: list[str] = []
    for name in names:
        try:
            _wrap(name, hits)
        except Exception:  # noqa: BLE001 - a name that does not resolve cannot be called either
            continue
    return hits


def _resolve(dotted: str):
    parts = dotted.split(".")
    # Start from the longest prefix already imported (the zygote preloads numpy and torch):
    # a failed import_module searches every sys.path entry, milliseconds per name per job.
    for cut in range(len(parts), 0, -1):
        obj = sys.modules.get(".".join(parts[:cut]))
        if obj is not None:
            break
    else:
        cut, obj = 1, importlib.import_module(parts[0])
    owner = None
    for attr in parts[cut:]:
        owner, obj = obj, getattr(obj, attr)
    return owner, parts[-1], obj


def _called_from_learner() -> bool:
    frame = sys._getframe(2)
    return frame is not None and frame.f_code.co_filename == FILENAME


def _wrap(dotted: str, hits: list[str]) -> None:
    owner, attr, original = _resolve(dotted)
    if owner is None:
        return
    if isinstance(original, type):
        class_init = original.__init__

        @functools.wraps(class_init)
        def init(self, *args, **kwargs):
            if _called_from_learner():
                hits.append(dotted)
            return class_init(self, *args, **kwargs)

        original.__init__ = init
        return

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        if _called_from_learner():
            hits.append(dotted)
        return original(*args, **kwargs)

    # The same function often lives under several names (torch.conv2d is also
    # torch.nn.functional.conv2d's implementation): replace it wherever it was found.
    setattr(owner, attr, wrapper)
