"""Inside the job's child, after confinement: load the learner's module and run the cases.

Everything in this process after `exec` of the learner's source is hostile, this module
included (the learner can patch it). So nothing written here decides a verdict: the
frames go back to the trusted side, which decodes them strictly and compares the values
itself. What this module must get right is only the honest path: one frame per finished
case, in order, each case on a fresh copy of its inputs.

Result stream (file descriptor RESULT_FD), one wire frame each:
    {"t": "load", "error": None | {"type", "message", "traceback"}}
    {"t": "case", "r": {"value": ..., "grads": [...], "inputs_after": [...]} | {"error": {...}}}
                        (per case; grads and inputs_after only when the case asks for them)
    {"t": "memory"}     an allocation was refused (see docs/sandbox.md: a claim, never a pass)
    {"t": "end", "forbidden": [names]}
"""

from __future__ import annotations

import linecache
import os
import sys
import traceback
import types

import wire
from invoke import call_case

RESULT_FD = 3
FILENAME = "submission.py"
MODULE_NAME = "submission"
TEXT_CAP = 4000
INPUT_LIMITS = wire.Limits(header_bytes=64 << 20, payload_bytes=1 << 30)


def run_job(job: dict, case_frames: list[bytes], forbidden_hits: list[str]) -> None:
    """Run every case and write the frames; never returns (exits the process)."""
    out = _Writer(RESULT_FD)
    try:
        fn = _load(job["source"], job["entry_point"])
    except BaseException as exc:  # noqa: BLE001 - anything the module does at import is its error
        out.frame({"t": "load", "error": _error_data(exc)})
        if _is_allocation_failure(exc):
            out.frame({"t": "memory"})
        _finish(out, forbidden_hits)
    out.frame({"t": "load", "error": None})
    for raw in case_frames:
        case = wire.decode(raw, INPUT_LIMITS, make_tensors=True)  # a fresh copy for each case
        # Only cases of an exercise that declares unchanged inputs ask for them back.
        asked = case.get("return_inputs")
        extra = {"return_inputs": tuple(asked)} if asked else {}
        try:
            result = call_case(
                fn,
                tuple(case["args"]),
                case["kwargs"],
                tuple(case["grad_wrt"]),
                case["grad_output"],
                **extra,
            )
        except BaseException as exc:  # noqa: BLE001 - SystemExit included: it is the learner's
            if _is_allocation_failure(exc):
                out.frame({"t": "memory"})
                _finish(out, forbidden_hits)
            result = {"error": _error_data(exc)}
        try:
            data = wire.encode({"t": "case", "r": result})
        except Exception as exc:  # noqa: BLE001 - e.g. a value nested too deeply
            data = wire.encode({"t": "case", "r": {"error": _error_data(exc)}})
        out.write(data)
    _finish(out, forbidden_hits)


def _load(source: str, entry_point: str):
    module = types.ModuleType(MODULE_NAME)
    module.__file__ = FILENAME
    # Tracebacks show source lines without the file ever being written anywhere.
    lines = source.splitlines(keepends=True)
    linecache.cache[FILENAME] = (len(source), None, lines, FILENAME)
    sys.modules[MODULE_NAME] = module
    code = compile(source, FILENAME, "exec", dont_inherit=True)
    exec(code, module.__dict__)  # noqa: S102 - the whole point; this process is confined
    fn = module.__dict__.get(entry_point)
    if not callable(fn):
        raise NameError(f"{FILENAME} defines no function named {entry_point!r}")
    return fn


def _is_allocation_failure(exc: BaseException) -> bool:
    # Only ever a claim (the learner can raise these too): the trusted side turns it into
    # memory_limit, which is never a pass.
    if isinstance(exc, MemoryError):
        return True
    if type(exc) is RuntimeError:
        try:
            return "DefaultCPUAllocator: can't allocate memory" in str(exc)
        except Exception:  # noqa: BLE001
            return False
    return False


def _error_data(exc: BaseException) -> dict:
    kind = _safe(lambda: type(exc).__name__, "Exception")
    message = _safe(lambda: str(exc), "(the exception could not be turned into text)")
    return {
        "type": kind[:200],
        "message": message[:TEXT_CAP],
        "traceback": _safe(lambda: _own_traceback(exc), "")[:TEXT_CAP],
    }


def _own_traceback(exc: BaseException) -> str:
    """Only the frames of the learner's file: the harness's own frames teach nothing."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == FILENAME]
    lines = ["Traceback (most recent call last):\n"] if frames else []
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    return "".join(lines)


def _safe(produce, fallback: str) -> str:
    try:
        value = produce()
        return value if type(value) is str else fallback
    except BaseException:  # noqa: BLE001 - a hostile __str__ may raise anything
        return fallback


def _finish(out: _Writer, forbidden_hits: list[str]) -> None:
    # The learner can reach this list too: anything but plain strings is not the hook's.
    try:
        names = sorted({n for n in list(forbidden_hits) if type(n) is str and len(n) <= 200})
    except BaseException:  # noqa: BLE001 - a hostile list may raise anything
        names = []
    out.frame({"t": "end", "forbidden": names[:50]})
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - the learner may have replaced or closed it
            pass
    # _exit: no atexit handlers, finalizers or lingering threads of the learner run after
    # the last frame.
    os._exit(0)


class _Writer:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def frame(self, value) -> None:
        self.write(wire.encode(value))

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            try:
                written = os.write(self.fd, view)
            except OSError:
                os._exit(0)  # the reader is gone (killed for a limit): nothing more to say
            view = view[written:]
