"""An exercise's cases, reference outputs and known-wrong outputs, as checked data.

cases.py, solution.py and wrong/*.py are author code: they run only in the sandbox, in
author jobs (grader/sandbox/authoring.py, runtime/author.py). This module turns what
those jobs send back into what grading needs and checks it as data: case metadata
(names unique, a visible and a hidden case, checks that the platform ships), and
reference outputs without errors. The reference gets its floating inputs in float64, as
the contracts promise. No Django, and nothing here runs the author's code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from grader.casekit import Case
from grader.checks import CHECKS
from grader.judging import NO_RULES, ResultRules, same_data
from grader.sandbox.authoring import (
    AuthorCodeFailed,
    Generated,
    compute_outputs,
    error_text,
    generate_cases,
)
from grader.sandbox.runtime import wire
from grader.sandbox.types import Limits

MAX_NAME = 200


class ExerciseBroken(Exception):
    """The exercise's own code is wrong (cases.py or the reference): not the learner's.

    `lasting` is False when the failure may pass on its own (a wall-clock limit on a busy
    machine): such a failure is not remembered for the exercise version.
    """

    def __init__(self, message: str, *, stdout: str = "", lasting: bool = True) -> None:
        super().__init__(message)
        self.stdout = stdout
        self.lasting = lasting


@dataclass(frozen=True)
class CaseSet:
    cases: list[Case]  # metadata only: the inputs travel as frames
    frames: list[bytes]  # each case's input frame for the learner's harness
    checks: dict  # check name -> platform check function (grader/checks.py)
    stdout: str = ""  # what cases.py printed (for the author's report)


def load_cases(
    sandbox,
    *,
    source: str,
    slug: str,
    limits: Limits,
    rules: ResultRules = NO_RULES,
    data: dict[str, str] | None = None,
) -> CaseSet:
    """Generate the cases in an author job and check them; raise ExerciseBroken.

    `data`: the package's input data files (name -> text), which the job passes as
    `cases(data)`; None for an exercise without data files (it defines `cases()`).
    Held-out files are never passed: they never enter the sandbox.
    """
    try:
        generated = generate_cases(
            sandbox, source=source, limits=limits, unchanged=rules.unchanged, data=data
        )
    except AuthorCodeFailed as exc:
        raise _broken(slug, exc) from exc
    cases = _checked_cases(generated, slug)
    checks = {c.check: CHECKS[c.check] for c in cases if c.check}
    frames = [g.frame for g in generated.cases]
    return CaseSet(cases=cases, frames=frames, checks=checks, stdout=generated.stdout)


def reference_outputs(
    sandbox, *, source: str, entry_point: str, case_set: CaseSet, slug: str, limits: Limits
) -> list:
    """The reference's result for every case (float64 inputs), computed in an author job."""
    try:
        results = compute_outputs(
            sandbox,
            source=source,
            entry_point=entry_point,
            filename="solution.py",
            frames=case_set.frames,
            float64=True,
            limits=limits,
        )
    except AuthorCodeFailed as exc:
        raise _broken(slug, exc, what="the reference solution") from exc
    for case, frame, result in zip(case_set.cases, case_set.frames, results, strict=True):
        if "error" in result:
            raise ExerciseBroken(
                f"{slug}: the reference solution raised on case {case.name!r}:\n"
                f"{error_text(result['error'])}"
            )
        if "inputs_after" in result:
            sent = _sent_inputs(frame)
            after = result["inputs_after"]
            kept = len(sent) == len(after) and all(
                same_data(s, a, exact_dtype=False) for s, a in zip(sent, after, strict=True)
            )
            if not kept:
                raise ExerciseBroken(
                    f"{slug}: the reference solution modifies an argument declared in "
                    f"unchanged_inputs (case {case.name!r})"
                )
            # What the learner's handed-back arguments are compared with: as sent to them.
            result["inputs_after"] = sent
    return results


def _sent_inputs(frame: bytes) -> list:
    """The arguments a case's frame asks back (return_inputs), as plain data."""
    sent = wire.decode(frame)
    refs = sent.get("return_inputs") or []
    return [sent["kwargs"][ref] if type(ref) is str else sent["args"][ref] for ref in refs]


def wrong_outputs(
    sandbox, *, source: str, entry_point: str, name: str, frames: list[bytes], limits: Limits
) -> list | None:
    """A known-wrong solution's results on the learner's (float32) inputs, or None when it
    does not even load or finish: such a solution matches nothing."""
    try:
        return compute_outputs(
            sandbox,
            source=source,
            entry_point=entry_point,
            filename=f"wrong/{name}.py",
            frames=frames,
            float64=False,
            limits=limits,
        )
    except AuthorCodeFailed:
        return None


def case_payload(case: Case) -> dict:
    """A trusted caller's own Case as a sandbox payload (tests, measurements): tensors in
    grad_wrt flagged for gradients. Exercises' cases never pass through here."""
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


def _checked_cases(generated: Generated, slug: str) -> list[Case]:
    cases, seen = [], set()
    for item in generated.cases:
        meta = item.meta
        name = meta["name"]
        where = f"{slug}/cases.py: case {name!r}" if type(name) is str else f"{slug}/cases.py"
        if type(name) is not str or not name.strip() or len(name) > MAX_NAME:
            raise ExerciseBroken(
                f"{where}: a case name must be a non-empty text of at most {MAX_NAME} characters"
            )
        if name in seen:
            raise ExerciseBroken(f"{where}: the name is used twice")
        seen.add(name)
        if type(meta["visible"]) is not bool:
            raise ExerciseBroken(f"{where}: visible must be True or False")
        tolerances = {}
        for key in ("rtol", "atol"):
            value = meta[key]
            if value is not None and (
                type(value) not in (int, float) or not math.isfinite(value) or value < 0
            ):
                raise ExerciseBroken(f"{where}: {key} must be a non-negative number or None")
            tolerances[key] = None if value is None else float(value)
        grad_wrt = meta["grad_wrt"]
        if type(grad_wrt) is not list or not all(
            type(i) is int and 0 <= i < item.nargs for i in grad_wrt
        ):
            raise ExerciseBroken(f"{where}: grad_wrt must list indices of its arguments")
        check = meta["check"]
        if check is not None and check not in CHECKS:
            known = ", ".join(sorted(CHECKS))
            raise ExerciseBroken(
                f"{where}: check {check!r} is not a platform check (known: {known}); "
                "checks are no longer functions in cases.py (docs/authoring.md)"
            )
        cases.append(
            Case(
                name=name,
                visible=meta["visible"],
                grad_wrt=tuple(grad_wrt),
                check=check,
                **tolerances,
            )
        )
    if not any(c.visible for c in cases) or all(c.visible for c in cases):
        raise ExerciseBroken(
            f"{slug}/cases.py: needs at least one visible and one hidden case "
            f"(it yielded {len(cases)} case(s))"
        )
    return cases


def _broken(slug: str, exc: AuthorCodeFailed, what: str = "") -> ExerciseBroken:
    prefix = f"{slug}: {what}: " if what else f"{slug}/"
    return ExerciseBroken(f"{prefix}{exc.message}", stdout=exc.stdout, lasting=exc.lasting)
