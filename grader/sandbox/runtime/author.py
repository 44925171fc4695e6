"""Inside an author job's child, after confinement: run an exercise's own code on data.

An exercise's cases.py, reference solution and known-wrong solutions are author code:
whoever may edit an exercise in the admin, or write a course folder, wrote them. They run
here, in the same confined child as learner code (only the limits differ: the author
profile), never in a Django or Celery process. What leaves is data in wire frames, which
the trusted side decodes strictly and checks (grader/sandbox/authoring.py); it keeps
every comparison. Nothing here reaches a learner: the trusted side turns a failure into
a fixed message for them and the details into the author's validation report.

Two modes, chosen by the metadata frame:

"cases"    {"author": "cases", "source", "unchanged"[, "data"]}: run cases.py, call
           cases(), or cases(data) when the exercise has input data files
           ({name: text}); per
           case write {"t": "case", "case": {name, visible, rtol, atol, grad_wrt, check}}
           and then the case's input frame exactly as the learner's harness will read it
           (with "return_inputs" naming the arguments the exercise declares unchanged,
           `unchanged` = [[name, position or None], ...]).
"outputs"  {"author": "outputs", "source", "entry_point", "filename", "float64"} plus
           the input frames: load the module, call the entry point on a fresh copy of
           each case (floating inputs cast to float64 for the reference), write
           {"t": "load", "error"} then {"t": "case", "r": ...} per case.
Both end with {"t": "error", "error": {...}} on a failure, then {"t": "end"}.
"""

from __future__ import annotations

import linecache
import os
import sys
import traceback
import types
import warnings

import casekit
import wire
from harness import RESULT_FD, TEXT_CAP, _Writer
from invoke import call_case

INPUT_LIMITS = wire.Limits(header_bytes=64 << 20, payload_bytes=1 << 30)


def run(meta: dict, case_frames: list[bytes]) -> None:
    """Run one author job and write its frames; never returns (exits the process)."""
    out = _Writer(RESULT_FD)
    try:
        if meta.get("author") == "cases":
            _cases(meta["source"], meta.get("unchanged") or [], meta.get("data"), out)
        else:
            _outputs(meta, case_frames, out)
    except BaseException as exc:  # noqa: BLE001 - SystemExit too: the author's code stopped
        out.frame({"t": "error", "error": _error_data(exc, meta.get("filename", "cases.py"))})
    out.frame({"t": "end"})
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001
            pass
    os._exit(0)


def _cases(source: str, unchanged: list, data: dict | None, out: _Writer) -> None:
    # cases.py says `from grader.casekit import Case`: give it the one definition.
    package = types.ModuleType("grader")
    package.__path__ = []
    package.casekit = casekit
    sys.modules["grader"] = package
    sys.modules["grader.casekit"] = casekit
    module = _load(source, "cases.py", "exercise_cases")
    produce = module.__dict__.get("cases")
    if not callable(produce):
        raise NameError("cases.py defines no function named 'cases'")
    # Input data files (a trained-model exercise's training texts): cases(data). Every
    # other exercise defines cases() with no argument.
    made = produce() if data is None else produce(dict(data))
    for index, case in enumerate(made):
        if not isinstance(case, casekit.Case):
            raise TypeError(f"cases() yielded a {type(case).__name__} (item {index}), not a Case")
        inputs = wire.encode(_input(case, unchanged))  # first: one that cannot be sent fails
        out.frame({"t": "case", "case": _case_meta(case)})
        out.write(inputs)


def _case_meta(case) -> dict:
    return {
        "name": case.name,
        "visible": case.visible,
        "rtol": case.rtol,
        "atol": case.atol,
        "grad_wrt": list(case.grad_wrt),
        "check": case.check,
    }


def _input(case, unchanged: list) -> dict:
    """The case as the learner's harness reads it: gradient arguments flagged, and the
    arguments declared unchanged asked back after the call."""
    args = list(case.args)
    for index in case.grad_wrt:
        if type(index) is not int or not 0 <= index < len(args):
            raise ValueError(f"case {case.name!r}: grad_wrt index {index!r} names no argument")
        torch = sys.modules.get("torch")
        if torch is None or not isinstance(args[index], torch.Tensor):
            raise TypeError(f"case {case.name!r}: argument {index} (grad_wrt) is not a tensor")
        args[index] = args[index].detach().clone().requires_grad_(True)
    payload = {
        "name": case.name,
        "args": args,
        "kwargs": dict(case.kwargs),
        "grad_wrt": list(case.grad_wrt),
        "grad_output": case.grad_output,
    }
    refs = []
    for name, position in unchanged:
        if name in case.kwargs:
            refs.append(name)
        elif position is not None and position < len(args):
            refs.append(position)
    if refs:
        payload["return_inputs"] = refs
    return payload


def _outputs(meta: dict, case_frames: list[bytes], out: _Writer) -> None:
    filename = meta["filename"]
    try:
        fn = _load(meta["source"], filename, "exercise_solution").__dict__.get(meta["entry_point"])
        if not callable(fn):
            raise NameError(f"{filename} defines no function named {meta['entry_point']!r}")
    except BaseException as exc:  # noqa: BLE001 - anything at import is the file's error
        out.frame({"t": "load", "error": _error_data(exc, filename)})
        return
    out.frame({"t": "load", "error": None})
    for raw in case_frames:
        case = wire.decode(raw, INPUT_LIMITS, make_tensors=True)  # a fresh copy per case
        if meta.get("float64"):
            case = _to_float64(case)
        try:
            # Known-wrong solutions overflow on purpose: their warnings are only noise.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with _numpy_quiet():
                    result = call_case(
                        fn,
                        tuple(case["args"]),
                        case["kwargs"],
                        tuple(case["grad_wrt"]),
                        case["grad_output"],
                        tuple(case.get("return_inputs") or ()),
                    )
        except Exception as exc:  # noqa: BLE001 - a wrong solution may raise: its result
            result = {"error": _error_data(exc, filename)}
        try:
            data = wire.encode({"t": "case", "r": result})
        except Exception as exc:  # noqa: BLE001 - e.g. nested too deeply
            data = wire.encode({"t": "case", "r": {"error": _error_data(exc, filename)}})
        out.write(data)


def _numpy_quiet():
    import numpy

    return numpy.errstate(all="ignore")


def _load(source: str, filename: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = filename
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    sys.modules[name] = module
    exec(compile(source, filename, "exec", dont_inherit=True), module.__dict__)  # noqa: S102
    return module


def _to_float64(value):
    """Floating arrays and tensors in float64 (the contracts promise the reference that)."""
    import numpy as np

    torch = sys.modules.get("torch")
    if type(value) is np.ndarray and value.dtype.kind == "f":
        return value.astype(np.float64)
    if torch is not None and isinstance(value, torch.Tensor) and value.is_floating_point():
        converted = value.detach().to(torch.float64)
        return converted.requires_grad_(True) if value.requires_grad else converted
    if type(value) in (list, tuple):
        return type(value)(_to_float64(v) for v in value)
    if type(value) is dict:
        return {k: _to_float64(v) for k, v in value.items()}
    return value


def _error_data(exc: BaseException, filename: str) -> dict:
    """Type, message and the frames of the author's own file (for the author's report)."""
    try:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
        lines = ["Traceback (most recent call last):\n"] if frames else []
        lines += traceback.format_list(frames) + traceback.format_exception_only(type(exc), exc)
        text, message = "".join(lines), str(exc)
    except BaseException:  # noqa: BLE001 - a hostile __str__
        text = message = "(the exception could not be turned into text)"
    return {
        "type": type(exc).__name__[:200],
        "message": message[:TEXT_CAP],
        "traceback": text[-TEXT_CAP:],
    }
