"""Runtime hook for forbidden calls: a teaching aid, not a boundary.

Each forbidden dotted name ("torch.nn.functional.conv2d", "torch.nn.Conv2d") is replaced
on its module by a wrapper that notes the name when it is called (classes: instantiated)
directly from the learner's code, then behaves exactly like the original. Calls made by
torch's own code are not counted, so using an allowed function that happens to call a
forbidden one inside torch never fails a solution. Determined code can undo the hook;
the static scan on the trusted side and the statement say so.

"The learner's code" is judged by where a code object came from, never by the file name
it claims (compile() takes any name, code.replace() sets any): the module compiled from
the submission, and every code object that the learner's code runs or turns into a
function (exec/eval of a string or a code object, types.FunctionType, code.replace,
marshal, assigning __code__) or that is imported from a file outside the read-only
runtime (a module the learner wrote to its scratch). An audit hook (PEP 578, which no
code can remove) sees each of those as it happens.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
import types

FILENAME = "submission.py"
# Code objects the learner made or ran (by id: code objects compare by content), kept alive
# so that an id is never reused; with every code object nested in them.
_learner_code: dict[int, types.CodeType] = {}
_trusted_roots: tuple[str, ...] = ()
_AUDITED = frozenset({"exec", "function.__new__", "object.__setattr__"})


def install(names: list[str]) -> list[str]:
    """Wrap every resolvable forbidden name; return the (shared) list that collects hits."""
    hits: list[str] = []
    if names:
        _watch_code_origins()
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
    return frame is not None and is_learner_code(frame.f_code)


def is_learner_code(code) -> bool:
    """True for code of the submission or code the learner made, ran or imported."""
    return code.co_filename == FILENAME or id(code) in _learner_code


def _watch_code_origins() -> None:
    """Install (once) the audit hook that marks every code object the learner brings in."""
    global _trusted_roots
    if _trusted_roots:
        return
    # The read-only runtime (stdlib, numpy, torch, /sandbox): every sys.path directory as
    # the job starts, except the scratch (cwd, HOME), where the learner may write files.
    scratch = {os.path.realpath(p) for p in (os.getcwd(), os.environ.get("HOME", "/tmp"))}
    roots = {os.path.realpath(p) for p in sys.path if p and os.path.isabs(p)}
    roots |= {os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix)}
    _trusted_roots = tuple(sorted(r + os.sep for r in roots if r not in scratch and r != "/"))
    sys.addaudithook(_audit)


def _audit(event: str, args: tuple) -> None:
    if event not in _AUDITED:
        return
    if event == "object.__setattr__":
        if len(args) != 3 or args[1] != "__code__":
            return
        code = args[2]
    else:
        code = args[0] if args else None
    if type(code) is not types.CodeType or id(code) in _learner_code:
        return
    caller = sys._getframe(1)
    if is_learner_code(caller.f_code) or _from_outside_runtime(code, caller):
        _mark(code)


def _from_outside_runtime(code: types.CodeType, caller) -> bool:
    """A module imported from a file the learner could write (its scratch), by any path."""
    if _outside(code.co_filename):
        return True
    # An import from a .pyc names whatever file its author chose: ask the module being
    # loaded (a local of the import machinery's exec_module) where it really came from.
    frame, depth = caller, 0
    while frame is not None and depth < 4:
        module = frame.f_locals.get("module") if "importlib" in frame.f_code.co_filename else None
        if isinstance(module, types.ModuleType):
            origin = getattr(module, "__file__", None)
            return isinstance(origin, str) and _outside(origin)
        frame, depth = frame.f_back, depth + 1
    return False


def _outside(filename) -> bool:
    if not isinstance(filename, str) or not os.path.isabs(filename):
        return False  # "<string>", "<frozen ...>": judged by who runs them
    return not os.path.realpath(filename).startswith(_trusted_roots)


def _mark(code: types.CodeType) -> None:
    pending = [code]
    while pending:
        item = pending.pop()
        if id(item) in _learner_code:
            continue
        _learner_code[id(item)] = item
        pending += [c for c in item.co_consts if type(c) is types.CodeType]


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
