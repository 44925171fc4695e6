"""Grade one source file against a prepared exercise: sandbox runs, trusted judging.

No database access and no side effects, so the Celery task, `manage.py grade` and
`validate_exercises` all share exactly this path.

The hidden-data invariant (docs/sandbox.md): the visible cases run in a job of their own,
and everything it says may be shown (tracebacks, stdout, "got ..."). The hidden cases run
in a second job, which never shares a process with the visible ones; its run is reduced
to a `HiddenVerdict` (per case passed/failed and a category) by `grader.hidden.seal`
before anything else looks at it, so no text from it can reach the learner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from grader.exercise_cache import PreparedExercise
from grader.hidden import HiddenVerdict, hidden_message, seal
from grader.judging import CaseResult, Judgement, judge_case
from grader.mistakes import mistake_hint, mistakes_reproduced
from grader.sandbox import Limits, RunResult, Sandbox, get_sandbox
from grader.sandbox.forbidden import forbidden_scan
from grader.sandbox.verdict import verdict_of

PASSED, FAILED, ERROR = "passed", "failed", "error"
UNSAFE_WARNING = (
    "Graded WITHOUT sandbox isolation (GRADER_UNSAFE_NO_SANDBOX is on): development only."
)
# The more severe verdict wins when the visible and the hidden job disagree.
SEVERITY = {PASSED: 0, FAILED: 1, ERROR: 2, "output_limit": 3, "memory_limit": 3, "timeout": 3}


@dataclass
class GradeOutcome:
    verdict: str
    score: float
    cases: list[CaseResult] = field(default_factory=list)
    message: str = ""
    stdout: str = ""
    warning: str = ""
    matched_mistake: str = ""  # the name of the known-wrong solution reproduced, if any
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


@dataclass
class _Shown:
    """A job whose every text may be shown: the visible cases (or an author's trusted code)."""

    results: dict[int, CaseResult]
    gots: dict[int, object]
    verdict: str
    message: str
    stdout: str
    decisive: bool  # no result of a later job could change the verdict
    skipped: str  # why the later cases were not run (a fixed text), when decisive
    forbidden: bool
    wall_ms: float
    unsafe: bool


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

    The visible cases run in one job whose output is shown; unless `visible_only`, the
    hidden cases then run in a second job of which only a HiddenVerdict is kept.
    `reveal_hidden` and `enforce_forbidden=False` are for authors' tools only (trusted
    code: a reference may use what learners may not, and its hidden failures are shown).
    """
    forbidden = prepared.forbidden if enforce_forbidden else []
    used = forbidden_scan(source, forbidden, prepared.entry_point)
    if used:
        return _forbidden_outcome(prepared, used, visible_only)

    def run(indices: list[int]) -> RunResult:
        return options.sandbox().run(
            source=source,
            entry_point=prepared.entry_point,
            kind=prepared.kind,
            cases=prepared.payloads(indices),
            limits=limits,
            forbidden=forbidden,
        )

    visible = prepared.indices(visible=True)
    hidden = [] if visible_only else prepared.indices(visible=False)
    shown = _judge_shown(prepared, visible, run(visible), reveal=False)
    sealed: HiddenVerdict | None = None
    if hidden and not shown.decisive:
        if reveal_hidden:
            shown = _merge_shown(shown, _judge_shown(prepared, hidden, run(hidden), reveal=True))
        else:
            sealed = seal(prepared, run(hidden), hidden, match_mistakes=shown.verdict != PASSED)
    return _outcome(prepared, shown, hidden, sealed, limits)


def _judge_shown(prepared, indices: list[int], run: RunResult, *, reveal: bool) -> _Shown:
    results: dict[int, CaseResult] = {}
    gots: dict[int, object] = {}
    shown = _Shown(
        results=results,
        gots=gots,
        verdict=PASSED,
        message="",
        stdout=run.stdout,
        decisive=False,
        skipped="",
        forbidden=False,
        wall_ms=run.wall_ms,
        unsafe=run.unsafe,
    )
    if run.load_error is not None:
        error = run.load_error
        text = str(error.get("traceback") or error.get("message") or "the module failed to load")
        for index in indices:
            case = prepared.cases[index]
            results[index] = CaseResult(case.name, case.visible, False, _NOT_LOADED)
        shown.verdict, shown.message, shown.decisive = ERROR, text[:4000], True
        shown.skipped = _NOT_LOADED
        return shown
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
            reveal_hidden=reveal,
        )
    judged = [results[i] for i in indices]
    passed = sum(r.passed for r in judged)
    judgement = Judgement(
        verdict=PASSED if passed == len(judged) else FAILED, score=0.0, cases=judged
    )
    shown.verdict = verdict_of(run, judgement) if judged else _empty_verdict(run)
    if run.status != "ok":
        shown.message, shown.decisive, shown.skipped = run.message, True, "not run"
    elif run.forbidden_used:
        shown.message = _forbidden_message(run.forbidden_used)
        shown.forbidden = shown.decisive = True
        shown.skipped = "not run"
    elif any(type(g) is dict and "error" in g for g in gots.values()):
        shown.message = "Your code raised an exception on some cases."
    return shown


def _empty_verdict(run: RunResult) -> str:
    # A job with no cases still loads the module: only its status and load error count.
    if run.status != "ok":
        return run.status
    return FAILED if run.forbidden_used else PASSED


def _merge_shown(first: _Shown, second: _Shown) -> _Shown:
    """Two shown jobs as one (authors' tools only)."""
    worse = second if SEVERITY[second.verdict] > SEVERITY[first.verdict] else first
    return _Shown(
        results={**first.results, **second.results},
        gots={**first.gots, **second.gots},
        verdict=worse.verdict,
        message="\n\n".join(m for m in (first.message, second.message) if m),
        stdout=first.stdout,
        decisive=first.decisive or second.decisive,
        skipped=first.skipped or second.skipped,
        forbidden=first.forbidden or second.forbidden,
        wall_ms=first.wall_ms + second.wall_ms,
        unsafe=first.unsafe or second.unsafe,
    )


def _outcome(prepared, shown: _Shown, hidden: list[int], sealed, limits: Limits) -> GradeOutcome:
    results = dict(shown.results)
    for position, index in enumerate(hidden):
        if index not in results:
            name = prepared.cases[index].name
            if sealed is None:  # not run: the visible job decided the verdict
                results[index] = CaseResult(name, False, False, shown.skipped)
            else:
                results[index] = CaseResult(name, False, sealed.passed[position], "")
    cases = [results[i] for i in sorted(results)]
    verdict, parts = shown.verdict, [shown.message] if shown.message else []
    forbidden = shown.forbidden
    if sealed is not None:
        if SEVERITY[sealed.category.value] > SEVERITY[verdict]:
            verdict = sealed.category.value
        said = hidden_message(sealed, limits)  # fixed text; "" for a plain pass or failure
        if said:
            parts.append(said)
        forbidden = forbidden or sealed.forbidden
    passed = sum(case.passed for case in cases)
    outcome = GradeOutcome(
        verdict=verdict,
        score=0.0 if forbidden or not cases else passed / len(cases),
        cases=cases,
        stdout=shown.stdout,
        warning=UNSAFE_WARNING if shown.unsafe else "",
        # The visible job's time only: how long a hidden job took is the learner's to choose.
        timings_ms={"sandbox": round(shown.wall_ms, 2)},
    )
    if verdict != PASSED and not shown.decisive and not forbidden:
        name, hint = _mistake(prepared, shown, hidden, sealed)
        outcome.matched_mistake = name
        if hint:
            parts.append(f"Hint: {hint}")
    outcome.message = "\n\n".join(parts)
    return outcome


def _mistake(prepared, shown: _Shown, hidden: list[int], sealed) -> tuple[str, str]:
    """The known mistake reproduced on every case that was compared, visible and hidden."""
    compared = sorted(shown.results)
    names = mistakes_reproduced(prepared, shown.gots, compared)
    if sealed is not None:
        if len(sealed.passed) != len(hidden):
            return "", ""
        names = [name for name in names if name in sealed.mistakes]
    elif any(index not in shown.results for index in hidden):
        return "", ""
    return mistake_hint(prepared, names)


_NOT_LOADED = "not run: the module failed to load"


def _not_run(run: RunResult) -> str:
    if run.status == "ok":
        return "no result came back for this case"
    return f"not finished: {run.message}"


def _forbidden_message(names: list[str]) -> str:
    listed = ", ".join(sorted(set(names)))
    return f"Your code uses {listed}, which this exercise forbids: implement it yourself."


def _forbidden_outcome(prepared, used: list[str], visible_only: bool) -> GradeOutcome:
    cases = [
        CaseResult(c.name, c.visible, False, "not run")
        for c in prepared.cases
        if c.visible or not visible_only
    ]
    return GradeOutcome(verdict=FAILED, score=0.0, cases=cases, message=_forbidden_message(used))


__all__ = ["GradeOutcome", "GraderOptions", "grade_source"]
