"""The trusted side of author jobs: an exercise's own code, run in the sandbox, as data.

cases.py, the reference solution and the known-wrong solutions run in a confined job
child like learner code (runtime/author.py), with the author limits. This module sends
the job, decides how it ended, and parses what came back as hostile data: exact record
order, exact keys and types, wire decoding with size limits. Nothing here executes what
it receives. No Django.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass

from grader.sandbox import outcome
from grader.sandbox.runtime import wire
from grader.sandbox.types import Limits

FRAME_LIMITS = wire.Limits(header_bytes=4 << 20, payload_bytes=outcome.RESULTS_CAP)
INPUT_KEYS = {"name", "args", "kwargs", "grad_wrt", "grad_output"}
META_KEYS = {"name", "visible", "rtol", "atol", "grad_wrt", "check"}
ERROR_KEYS = {"type", "message", "traceback"}
STDOUT_SHOWN = 2000


class AuthorCodeFailed(Exception):
    """The exercise's own code failed in its job; `message` says how, for the author."""

    def __init__(self, message: str, *, stdout: str = "", lasting: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.stdout = stdout
        # False for limits a busy machine can cause (wall clock): worth trying again.
        self.lasting = lasting


@dataclass(frozen=True)
class GeneratedCase:
    meta: dict  # name, visible, rtol, atol, grad_wrt, check: as sent, checked by the caller
    frame: bytes  # the case's input frame, exactly as the learner's harness reads it
    nargs: int


@dataclass(frozen=True)
class Generated:
    cases: list[GeneratedCase]
    stdout: str


def generate_cases(
    sandbox,
    *,
    source: str,
    limits: Limits,
    unchanged: tuple = (),
    data: dict[str, str] | None = None,
) -> Generated:
    """Run cases.py in an author job; return each case's metadata and input frame.

    `unchanged`: (name, position) of each argument the exercise declares unchanged; each
    case's frame then asks the harness to hand those arguments back after the call.
    `data`: the exercise's input data files (name -> text), passed as `cases(data)`; only
    input files ever come here (held-out files stay on the trusted side).
    """
    meta = {"author": "cases", "source": source, "unchanged": [list(u) for u in unchanged]}
    if data is not None:
        meta["data"] = {str(name): str(text) for name, text in data.items()}
    collected = _run(sandbox, meta, [], limits)
    records = _records(collected, "cases.py")
    cases: list[GeneratedCase] = []
    position = 0
    while position < len(records):
        frame, raw = records[position]
        if _is_record(frame, "case", {"t", "case"}):
            if position + 1 >= len(records):
                raise _malformed(collected, "a case record without its inputs")
            meta = frame["case"]
            if type(meta) is not dict or set(meta) != META_KEYS:
                raise _malformed(collected, "a case record with unexpected fields")
            inputs, input_raw = records[position + 1]
            nargs = _check_input(inputs, meta.get("name"), collected)
            cases.append(GeneratedCase(meta=meta, frame=input_raw, nargs=nargs))
            position += 2
            continue
        _error_or_end(frame, "cases.py", collected, last=position == len(records) - 1)
        position += 1
    return Generated(cases=cases, stdout=_stdout(collected))


def compute_outputs(
    sandbox,
    *,
    source: str,
    entry_point: str,
    filename: str,
    frames: list[bytes],
    float64: bool,
    limits: Limits,
) -> list[dict]:
    """Run a solution on every case in an author job; one plain result per case.

    A result is {"value"[, "grads"][, "inputs_after"]} or {"error": {type, message,
    traceback}}. A file
    that does not load, or a job that does not finish, raises AuthorCodeFailed.
    """
    meta = {
        "author": "outputs",
        "source": source,
        "entry_point": entry_point,
        "filename": filename,
        "float64": float64,
    }
    collected = _run(sandbox, meta, frames, limits)
    records = _records(collected, filename)
    if not records or not _is_record(records[0][0], "load", {"t", "error"}):
        raise _malformed(collected, "the first record is not the load record", filename)
    load_error = records[0][0]["error"]
    if load_error is not None:
        raise AuthorCodeFailed(
            f"{filename} failed to load: {_error_text(load_error)}", stdout=_stdout(collected)
        )
    results = []
    for position, (frame, _raw) in enumerate(records[1:], start=1):
        if _is_record(frame, "case", {"t", "r"}) and len(results) < len(frames):
            if not _is_result(frame["r"]):
                raise _malformed(collected, "a malformed case result", filename)
            results.append(frame["r"])
            continue
        _error_or_end(frame, filename, collected, last=position == len(records) - 1)
    if len(results) != len(frames):
        raise _malformed(collected, f"{len(results)} results for {len(frames)} cases", filename)
    return results


def error_text(error: dict) -> str:
    """The author's traceback (their own file's frames), or the type and message."""
    return _error_text(error)


def _run(sandbox, meta: dict, frames: list[bytes], limits: Limits) -> outcome.Collected:
    # The ordinary job path (the same zygote, confinement and caps as a learner's job);
    # only the metadata frame differs, which sends the child to runtime/author.py.
    return sandbox.execute([wire.encode(meta), *frames], limits, ncases=len(frames))


def _records(collected: outcome.Collected, filename: str) -> list[tuple[object, bytes]]:
    problem, lasting = _limit_problem(collected)
    if problem:
        raise AuthorCodeFailed(f"{filename}: {problem}", stdout=_stdout(collected), lasting=lasting)
    records, offset = [], 0
    view = memoryview(collected.results)
    while offset < len(view):
        try:
            header, payload, used = wire.read_frame(view[offset:], FRAME_LIMITS)
            value = wire.decode_tree(header["tree"], payload)
        except wire.WireError as exc:
            raise _malformed(collected, str(exc)[:200], filename) from None
        records.append((value, bytes(view[offset : offset + used])))
        offset += used
    if not records or not _is_record(records[-1][0], "end", {"t"}):
        code = _exit_code(collected)
        raise AuthorCodeFailed(
            f"{filename}: the job ended (exit code {code}) before finishing its work",
            stdout=_stdout(collected),
        )
    return records


def _limit_problem(c: outcome.Collected) -> tuple[str, bool]:
    limits = c.limits
    if c.killed_for == "stdout":
        return f"printed more than {outcome.STDOUT_READ_CAP >> 10} KiB of output", True
    if c.killed_for == "results":
        return f"produced more than {outcome.RESULTS_CAP >> 20} MiB of data", True
    if c.killed_for == "wall":
        return f"did not finish within {limits.wall_seconds:g} s (wall clock)", False
    status = int(c.report["status"])
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        cpu_ms = float(c.report.get("cpu_ms", 0.0))
        if sig == signal.SIGKILL and c.oom_killed:
            return f"ran out of memory ({limits.memory_mb} MB)", True
        if sig == signal.SIGXCPU or (sig == signal.SIGKILL and cpu_ms >= limits.cpu_seconds * 980):
            return f"used more than {limits.cpu_seconds:g} s of CPU time", True
        if sig == signal.SIGXFSZ:
            return f"wrote a file larger than {outcome.FILE_LIMIT_MB} MB", True
        return f"was killed by signal {sig}", True
    return "", True


def _error_or_end(frame, filename: str, collected, *, last: bool) -> None:
    if _is_record(frame, "end", {"t"}) and last:
        return
    if _is_record(frame, "error", {"t", "error"}) and _is_error(frame["error"]):
        raise AuthorCodeFailed(
            f"{filename} failed: {_error_text(frame['error'])}", stdout=_stdout(collected)
        )
    raise _malformed(collected, "records out of order", filename)


def _check_input(inputs, name, collected) -> int:
    keys = set(inputs) if type(inputs) is dict else set()
    if keys - {"return_inputs"} != INPUT_KEYS or inputs["name"] != name:
        raise _malformed(collected, "a case's inputs are not the expected record")
    refs = inputs.get("return_inputs", [])
    if type(refs) is not list or not all(type(r) in (int, str) for r in refs):
        raise _malformed(collected, "a case's return_inputs are not positions or names")
    if type(inputs["args"]) is not list or type(inputs["kwargs"]) is not dict:
        raise _malformed(collected, "a case's arguments are not a list and a dict")
    bad = _unsupported(inputs)
    if bad:
        raise AuthorCodeFailed(
            f"cases.py: case {name!r} has an argument the sandbox cannot receive: {bad} "
            "(use numpy arrays, torch tensors, Python scalars, str, list, tuple, dict)",
            stdout=_stdout(collected),
        )
    return len(inputs["args"])


def _unsupported(value, depth: int = 0) -> str:
    if isinstance(value, wire.Unsupported):
        return value.what
    if type(value) in (list, tuple):
        return next((w for w in (_unsupported(v, depth + 1) for v in value) if w), "")
    if type(value) is dict:
        return next((w for w in (_unsupported(v, depth + 1) for v in value.values()) if w), "")
    return ""


def _is_record(frame, kind: str, keys: set) -> bool:
    return type(frame) is dict and frame.get("t") == kind and set(frame) == keys


def _is_error(value) -> bool:
    return (
        type(value) is dict
        and set(value) == ERROR_KEYS
        and all(type(value[k]) is str for k in ERROR_KEYS)
    )


def _is_result(value) -> bool:
    if type(value) is not dict:
        return False
    if set(value) == {"error"}:
        return _is_error(value["error"])
    # grads and inputs_after (the arguments declared unchanged) only when a case asks.
    return (
        "value" in value
        and set(value) <= {"value", "grads", "inputs_after"}
        and all(type(value[key]) is list for key in ("grads", "inputs_after") if key in value)
    )


def _error_text(error: dict) -> str:
    if not _is_error(error):
        return "an error it could not describe"
    return (error["traceback"] or f"{error['type']}: {error['message']}").strip()


def _malformed(collected, what: str, filename: str = "cases.py") -> AuthorCodeFailed:
    return AuthorCodeFailed(
        f"{filename}: the author job sent back malformed data ({what})",
        stdout=_stdout(collected),
    )


def _exit_code(c: outcome.Collected) -> int:
    status = int(c.report["status"])
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1


def _stdout(c: outcome.Collected) -> str:
    return c.stdout[:STDOUT_SHOWN].decode("utf-8", "replace")
