"""Grade one source file against a prepared exercise: sandbox runs, trusted judging.

No database access and no side effects, so the Celery task, `manage.py grade` and
`validate_exercises` all share exactly this path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from grader.compare import compare_value
from grader.exercise_cache import PreparedExercise
from grader.judging import CaseResult, Judgement, ResultRules, judge_case
from grader.sandbox import Limits, RunResult, Sandbox, get_sandbox
from grader.sandbox.forbidden import forbidden_scan
from grader.sandbox.verdict import verdict_of

PASSED, FAILED, ERROR = "passed", "failed", "error"
UNSAFE_WARNING = (
    "Graded WITHOUT sandbox isolation (GRADER_UNSAFE_NO_SANDBOX is on): development only."
)


@dataclass
class GradeOutcome:
    verdict: str
    score: float
    cases: list[CaseResult] = field(default_factory=list)
    message: str = ""
    stdout: str = ""
    warning: str = ""
    timings_ms: dict = field(default_factory=dict)

    def cases_as_dicts(self) -> list[dict]:
        return [case.as_dict() for case in self.cases]


@dataclass(frozen=True)
class GraderOptions:
    unsafe: bool = False
    uid_base: int = 61000
    threads: int = 1

    def sandbox(self) -> Sandbox:
        """This process's sandbox for these options (started on first use)."""
        return get_sandbox(unsafe=self.unsafe, uid_base=self.uid_base, threads=self.threads)


def grade_source(
    *,
    prepared: PreparedExercise,
    source: str,
    visible_only: bool,
    limits: Limits,
    options: GraderOptions,
    reveal_hidden: bool = False,
    enforce_forbidden: bool = True,
) -> GradeOutcome:
    """Run `source` on the exercise's cases in the sandbox and judge it on this side.

    A visible-only run shows the learner's output; a full run (visible and hidden cases in
    one sandbox job) discards it, so nothing printed from hidden inputs reaches the learner.
    `reveal_hidden` and `enforce_forbidden=False` are for authors' tools only (a trusted
    reference may use what learners may not).
    """
    forbidden = prepared.forbidden if enforce_forbidden else []
    used = forbidden_scan(source, forbidden, prepared.entry_point)
    if used:
        return _forbidden_outcome(prepared, used, visible_only)
    if prepared.trained is not None:
        from grader.trained_grading import grade_trained_source  # imports this module

        return grade_trained_source(
            prepared=prepared,
            source=source,
            visible_only=visible_only,
            limits=limits,
            options=options,
            forbidden=forbidden,
            reveal_hidden=reveal_hidden,
        )

    # "Run visible tests" shows the learner's output. A submit runs every case in one job
    # (one fork, not two) and shows no output, since hidden inputs could be printed.
    indices = prepared.indices(visible=True) if visible_only else list(range(len(prepared.cases)))
    run = options.sandbox().run(
        source=source,
        entry_point=prepared.entry_point,
        kind=prepared.kind,
        cases=prepared.payloads(indices),
        limits=limits,
        forbidden=forbidden,
    )
    outcome = GradeOutcome(verdict=PASSED, score=0.0, timings_ms={"sandbox": round(run.wall_ms, 2)})
    if run.unsafe:
        outcome.warning = UNSAFE_WARNING
    if visible_only:
        outcome.stdout = run.stdout
    if run.load_error is not None:
        return _load_error_outcome(prepared, run, outcome, visible_only)

    results: dict[int, CaseResult] = {}
    gots: dict[int, object] = {}
    for position, index in enumerate(indices):
        case = prepared.cases[index]
        got = run.results[position] if position < len(run.results) else None
        if got is None:
            results[index] = CaseResult(case.name, case.visible, False, _not_run(run))
            continue
        gots[index] = got
        results[index] = judge_case(
            case,
            prepared.expected[index],
            got,
            tolerance=prepared.tolerance,
            checks=prepared.checks,
            reveal_hidden=reveal_hidden,
            rules=prepared.rules,
        )
    outcome.cases = [results[i] for i in indices]
    passed = sum(r.passed for r in outcome.cases)
    outcome.score = passed / len(outcome.cases) if outcome.cases else 0.0
    judgement = Judgement(
        verdict=PASSED if passed == len(outcome.cases) else FAILED,
        score=outcome.score,
        cases=outcome.cases,
    )
    outcome.verdict = verdict_of(run, judgement)
    if run.status != "ok":
        outcome.message = run.message
    elif run.forbidden_used:
        outcome.message = _forbidden_message(run.forbidden_used)
        outcome.score = 0.0
    elif outcome.verdict != PASSED:
        raised = any(type(g) is dict and "error" in g for g in gots.values())
        parts = ["Your code raised an exception on some cases."] if raised else []
        hint = _matching_hint(prepared, results, gots)
        if hint:
            parts.append(hint)
        outcome.message = "\n\n".join(parts)
    return outcome


def _not_run(run: RunResult) -> str:
    if run.status == "ok":
        return "no result came back for this case"
    return f"not finished: {run.message}"


def _load_error_outcome(prepared, run: RunResult, outcome: GradeOutcome, visible_only: bool):
    error = run.load_error or {}
    text = str(error.get("traceback") or error.get("message") or "the module failed to load")
    outcome.verdict = ERROR
    outcome.score = 0.0
    outcome.message = text[:4000]
    outcome.cases = _not_run_cases(prepared, visible_only, "not run: the module failed to load")
    return outcome


def _forbidden_message(names: list[str]) -> str:
    listed = ", ".join(sorted(set(names)))
    return f"Your code uses {listed}, which this exercise forbids: implement it yourself."


def _forbidden_outcome(prepared, used: list[str], visible_only: bool) -> GradeOutcome:
    cases = _not_run_cases(prepared, visible_only, "not run")
    return GradeOutcome(verdict=FAILED, score=0.0, cases=cases, message=_forbidden_message(used))


def _not_run_cases(prepared: PreparedExercise, visible_only: bool, why: str) -> list[CaseResult]:
    return [
        CaseResult(c.name, c.visible, False, why)
        for c in prepared.cases
        if c.visible or not visible_only
    ]


def _matching_hint(prepared: PreparedExercise, results: dict, gots: dict) -> str:
    """The hint of the known-wrong solution whose outputs the learner's failures reproduce."""
    failed = [i for i, r in results.items() if not r.passed]
    with_values = [i for i in failed if type(gots.get(i)) is dict and "value" in gots[i]]
    if not with_values or len(with_values) != len(failed):
        return ""
    rtol, atol = prepared.tolerance
    for _name, hint, outputs in prepared.wrong_outputs():
        if not hint:
            continue
        if all(_same_output(outputs[i], gots[i], rtol, atol, prepared.rules) for i in with_values):
            return f"Hint: {hint}"
    return ""


def _same_output(wrong: dict, got: dict, rtol: float, atol: float, rules: ResultRules) -> bool:
    """Whether the learner's output is the wrong solution's: its value, and its arguments
    after the call where the exercise hands them back (an in-place change is a mistake too)."""
    if "value" not in wrong:
        return False
    try:
        return all(
            compare_value(
                wrong.get(key), got.get(key), rtol=rtol, atol=atol, bool_result=rules.bool_result
            )
            is None
            for key in ("value", "inputs_after")
            if key in wrong or key in got
        )
    except TypeError:
        return False


__all__ = ["GradeOutcome", "GraderOptions", "grade_source", "compare_value"]
