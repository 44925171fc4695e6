"""Trusted, in-process work on an exercise's own code: its cases, reference and wrong solutions.

Everything run here was written by the course's authors (cases.py, solution.py, wrong/),
never by a learner: learner code only ever runs in the sandbox. The reference gets its
floating inputs in float64, as the contracts promise.
"""

from __future__ import annotations

import copy
import traceback
import warnings
from dataclasses import dataclass

import numpy as np

from grader.casekit import Case
from grader.sandbox.runtime import wire
from grader.sandbox.runtime.invoke import call_case


class ExerciseBroken(Exception):
    """The exercise's own trusted code is wrong (cases.py or the reference): not the learner's."""


@dataclass(frozen=True)
class CaseSet:
    cases: list[Case]
    checks: dict  # name -> trusted check function from cases.py


def load_cases(cases_source: str, *, slug: str, data: dict[str, str] | None = None) -> CaseSet:
    """Run cases.py and return its checked list of cases.

    `data`: the package's input data files (name -> text), passed as `cases(data)`; an
    exercise without data files defines `cases()`.
    """
    namespace: dict = {"__name__": f"exercise_cases_{slug.replace('-', '_')}"}
    try:
        exec(compile(cases_source, f"{slug}/cases.py", "exec"), namespace)  # noqa: S102 trusted
        make = namespace["cases"]
        cases = list(make(dict(data)) if data is not None else make())
    except Exception as exc:
        raise ExerciseBroken(f"{slug}/cases.py failed: {_last_line(exc)}") from exc
    seen = set()
    for case in cases:
        if not isinstance(case, Case):
            raise ExerciseBroken(f"{slug}/cases.py: cases() yielded {type(case).__name__}")
        if not case.name or case.name in seen:
            raise ExerciseBroken(f"{slug}/cases.py: case name {case.name!r} empty or repeated")
        seen.add(case.name)
        if case.check and not callable(namespace.get(case.check)):
            raise ExerciseBroken(f"{slug}/cases.py: check {case.check!r} is not defined")
    if not any(c.visible for c in cases) or all(c.visible for c in cases):
        raise ExerciseBroken(f"{slug}/cases.py: needs at least one visible and one hidden case")
    checks = {c.check: namespace[c.check] for c in cases if c.check}
    return CaseSet(cases=cases, checks=checks)


def case_payload(case: Case) -> dict:
    """The inputs of one case as the sandbox receives them (tensors flagged for gradients)."""
    args = list(case.args)
    for index in case.grad_wrt:
        args[index] = args[index].detach().clone().requires_grad_(True)
    return {
        "name": case.name,
        "args": args,
        "kwargs": dict(case.kwargs),
        "grad_wrt": list(case.grad_wrt),
        "grad_output": case.grad_output,
    }


def run_trusted(source: str, entry_point: str, cases: list[Case], *, float64: bool) -> list:
    """Run trusted code on every case; return each case's plain result as the sandbox would."""
    namespace: dict = {"__name__": "trusted_solution"}
    exec(compile(source, "solution.py", "exec"), namespace)  # noqa: S102 trusted code only
    fn = namespace[entry_point]
    results = []
    for case in cases:
        payload = copy.deepcopy(case_payload(case))
        if float64:
            payload = _to_float64(payload)
        try:
            # Wrong solutions overflow on purpose: their warnings are noise on the worker's log.
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                raw = call_case(
                    fn,
                    tuple(payload["args"]),
                    payload["kwargs"],
                    tuple(payload["grad_wrt"]),
                    payload["grad_output"],
                )
        except Exception as exc:  # a wrong solution may raise: that is its result
            results.append({"error": {"type": type(exc).__name__, "message": str(exc)[:500]}})
            continue
        # The same encoding round trip as sandbox results, so both sides compare like with like.
        results.append(wire.decode(wire.encode(raw)))
    return results


def reference_outputs(source: str, entry_point: str, cases: list[Case], *, slug: str) -> list:
    try:
        results = run_trusted(source, entry_point, cases, float64=True)
    except Exception as exc:
        raise ExerciseBroken(f"{slug}: the reference solution failed: {_last_line(exc)}") from exc
    for case, result in zip(cases, results, strict=True):
        if "error" in result:
            raise ExerciseBroken(
                f"{slug}: the reference solution raised on case {case.name!r}: "
                f"{result['error']['type']}: {result['error']['message']}"
            )
    return results


def _to_float64(value):
    import sys

    torch = sys.modules.get("torch")
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return value.astype(np.float64)
    if torch is not None and isinstance(value, torch.Tensor) and value.is_floating_point():
        converted = value.detach().to(torch.float64)
        return converted.requires_grad_(True) if value.requires_grad else converted
    if type(value) in (list, tuple):
        return type(value)(_to_float64(v) for v in value)
    if type(value) is dict:
        return {k: _to_float64(v) for k, v in value.items()}
    return value


def _last_line(exc: BaseException) -> str:
    lines = traceback.format_exception_only(type(exc), exc)
    return lines[-1].strip() if lines else type(exc).__name__
