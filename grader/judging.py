"""Turn decoded sandbox results into per-case results and a verdict (trusted side)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from exercises.package import parameter_names
from grader.array_diff import diff_value
from grader.casekit import Case
from grader.compare import compare_value, describe

VERDICT_PASSED = "passed"
VERDICT_FAILED = "failed"
VERDICT_ERROR = "error"


@dataclass(frozen=True)
class ResultRules:
    """What an exercise declares in exercise.toml beyond the general comparison rules.

    bool_result  the result is a bool array or tensor, compared exactly (a bool array is
                 otherwise never a valid result).
    unchanged    (parameter name, position) of each argument the entry point must leave
                 unmodified; position is None for a keyword-only parameter.
    """

    bool_result: bool = False
    unchanged: tuple[tuple[str, int | None], ...] = ()

    @classmethod
    def declared(
        cls, *, bool_result: bool, unchanged_inputs: list[str], reference: str, entry_point: str
    ) -> ResultRules:
        """Resolve the declared parameter names against the reference's signature."""
        names = parameter_names(reference, entry_point)
        missing = [name for name in unchanged_inputs if name not in names]
        if missing:
            raise ValueError(f"unchanged_inputs {missing} are not parameters of {entry_point}()")
        positional = parameter_names(reference, entry_point, positional=True)
        unchanged = tuple(
            (name, positional.index(name) if name in positional else None)
            for name in unchanged_inputs
        )
        return cls(bool_result=bool_result, unchanged=unchanged)


NO_RULES = ResultRules()


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
    rules: ResultRules = NO_RULES,
) -> CaseResult:
    """Compare one case's result; hidden cases keep only the name and pass/fail.

    `reveal_hidden` is for authors' tools only (devcheck, validate_exercises), never for
    a learner's verdict.
    """
    passed, message = _judge(case, expected, got, tolerance=tolerance, checks=checks, rules=rules)
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


def _judge(case, expected, got, *, tolerance, checks, rules) -> tuple[bool, str]:
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
        problem = compare_value(
            expected["value"], got["value"], rtol=rtol, atol=atol, bool_result=rules.bool_result
        )
    if problem:
        return False, problem
    problem = _modified_input(case, expected, got, rules)
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


def _modified_input(case: Case, expected: dict, got: dict, rules: ResultRules) -> str:
    """Whether an argument declared unchanged came back different from what was sent.

    The reference's result carries the arguments as they were sent (decoded from the case's
    frame when the exercise version was prepared), compared here with the learner's.
    """
    sent = expected.get("inputs_after") if rules.unchanged else None
    if not sent:
        return ""
    after = got.get("inputs_after")
    if type(after) is not list or len(after) != len(sent):
        return "the arguments did not come back after the call"
    names = [name for name, _ in rules.unchanged]
    for index, (original, value) in enumerate(zip(sent, after, strict=True)):
        if not same_data(original, value):
            name = names[index] if len(names) == len(sent) else " or ".join(names)
            return (
                f"{name} was modified: the function must leave it unchanged "
                "(write into a copy, such as x.clone() or x.copy(), instead)"
            )
    return ""


def same_data(original, value, *, exact_dtype: bool = True) -> bool:
    """Exactly the same data: an array's dtype, shape and every value (NaN equals NaN).

    Without `exact_dtype` a floating array may come back wider (the reference sees its
    floating inputs in float64): then the values alone decide.
    """
    if isinstance(original, np.ndarray):
        if not isinstance(value, np.ndarray) or value.shape != original.shape:
            return False
        if exact_dtype and value.dtype != original.dtype:
            return False
        if value.dtype.kind != original.dtype.kind:
            return False
        return bool(np.array_equal(value, original, equal_nan=original.dtype.kind == "f"))
    return compare_value(original, value, rtol=0.0, atol=0.0, bool_result=True) is None


def judge_all(
    cases: list[Case],
    expected: list,
    got: list,
    *,
    tolerance,
    checks,
    reveal_hidden=False,
    rules: ResultRules = NO_RULES,
) -> Judgement:
    results = [
        judge_case(
            case,
            exp,
            g,
            tolerance=tolerance,
            checks=checks,
            reveal_hidden=reveal_hidden,
            rules=rules,
        )
        for case, exp, g in zip(cases, expected, got, strict=True)
    ]
    passed = sum(r.passed for r in results)
    score = passed / len(results) if results else 0.0
    verdict = VERDICT_PASSED if results and passed == len(results) else VERDICT_FAILED
    return Judgement(verdict=verdict, score=score, cases=results)
