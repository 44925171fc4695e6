"""Turn decoded sandbox results into per-case results and a verdict (trusted side)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from grader.array_diff import diff_value
from grader.casekit import Case
from grader.compare import compare_value, describe

VERDICT_PASSED = "passed"
VERDICT_FAILED = "failed"
VERDICT_ERROR = "error"


@dataclass(frozen=True)
class CaseResult:
    name: str
    visible: bool
    passed: bool
    message: str = ""
    diff: dict | None = None  # what differs in an array result (visible cases only)

    def as_dict(self) -> dict:
        result = {
            "name": self.name,
            "visible": self.visible,
            "passed": self.passed,
            "message": self.message,
        }
        if self.diff is not None:
            result["diff"] = self.diff
        return result


@dataclass
class Judgement:
    verdict: str
    score: float
    cases: list[CaseResult] = field(default_factory=list)
    message: str = ""


def judge_case(
    case: Case,
    expected: dict,
    got,
    *,
    tolerance: tuple[float, float],
    checks: dict,
    reveal_hidden: bool = False,
) -> CaseResult:
    """Compare one case's result; hidden cases keep only the name and pass/fail.

    `reveal_hidden` is for authors' tools only (devcheck, validate_exercises), never for
    a learner's verdict.
    """
    passed, message = _judge(case, expected, got, tolerance=tolerance, checks=checks)
    if not (case.visible or reveal_hidden):
        return CaseResult(case.name, case.visible, passed, "")
    # Only now, for a case whose inputs the learner may see, is the difference drawn.
    diff = None if passed else _array_diff(case, expected, got, tolerance=tolerance)
    return CaseResult(case.name, case.visible, passed, message, diff)


def _array_diff(case, expected, got, *, tolerance) -> dict | None:
    if case.check or type(got) is not dict or "value" not in got or "error" in got:
        return None  # a custom check's verdict is not a cell-by-cell difference
    rtol = tolerance[0] if case.rtol is None else case.rtol
    atol = tolerance[1] if case.atol is None else case.atol
    try:
        found = diff_value(expected["value"], got["value"], rtol=rtol, atol=atol)
        if found is None and case.grad_wrt and type(got.get("grads")) is list:
            pairs = zip(case.grad_wrt, expected["grads"], got["grads"], strict=False)
            for index, exp_grad, got_grad in pairs:
                path = f"gradient w.r.t. argument {index}"
                found = diff_value(exp_grad, got_grad, rtol=rtol, atol=atol, path=path)
                if found:
                    break
    except (ValueError, TypeError, MemoryError):  # hostile shapes: the text message stands
        return None
    return found


def _judge(case, expected, got, *, tolerance, checks) -> tuple[bool, str]:
    if type(got) is not dict:
        return False, "no result came back for this case"
    if "error" in got:
        error = got["error"]
        if type(error) is not dict:
            return False, "the code raised an exception"
        return False, str(error.get("traceback") or error.get("message") or "raised an exception")[
            :4000
        ]
    if "value" not in got:
        return False, "no result came back for this case"
    rtol = tolerance[0] if case.rtol is None else case.rtol
    atol = tolerance[1] if case.atol is None else case.atol
    if case.check:
        # The check sees the resolved tolerance on the case, so it follows exercise.toml.
        resolved = dataclasses.replace(case, rtol=rtol, atol=atol)
        try:
            problem = checks[case.check](resolved, expected["value"], got["value"])
        except Exception as exc:  # a trusted check must not crash on hostile data
            problem = (
                f"result could not be checked ({type(exc).__name__}): got {describe(got['value'])}"
            )
    else:
        problem = compare_value(expected["value"], got["value"], rtol=rtol, atol=atol)
    if problem:
        return False, problem
    if case.grad_wrt:
        grads = got.get("grads")
        if type(grads) is not list or len(grads) != len(expected["grads"]):
            return False, "gradients did not come back"
        for index, exp_grad, got_grad in zip(case.grad_wrt, expected["grads"], grads, strict=True):
            problem = compare_value(
                exp_grad, got_grad, rtol=rtol, atol=atol, path=f"gradient w.r.t. argument {index}"
            )
            if problem:
                return False, problem
    return True, ""


def judge_all(
    cases: list[Case], expected: list, got: list, *, tolerance, checks, reveal_hidden=False
) -> Judgement:
    results = [
        judge_case(case, exp, g, tolerance=tolerance, checks=checks, reveal_hidden=reveal_hidden)
        for case, exp, g in zip(cases, expected, got, strict=True)
    ]
    passed = sum(r.passed for r in results)
    score = passed / len(results) if results else 0.0
    verdict = VERDICT_PASSED if results and passed == len(results) else VERDICT_FAILED
    return Judgement(verdict=verdict, score=score, cases=results)
