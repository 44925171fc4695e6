"""Grade one source file against a prepared exercise: sandbox runs, trusted judging.

No database access and no side effects, so the Celery task, `manage.py grade` and
`validate_exercises` all share exactly this path.

The hidden-data invariant (docs/sandbox.md): a job that holds hidden cases is reduced to
a `HiddenVerdict` (per case passed/failed and a category) by `grader.hidden.seal` before
anything else looks at it, so no text from it can reach the learner. Text is shown only
from a job that held the visible cases alone. A submit runs every case in one sealed job;
only when that job did not pass does a second job, with the visible cases alone, say why
(tracebacks, stdout, "expected ... got ..."). "Run visible tests" is that second job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from grader.exercise_cache import PreparedExercise
from grader.hidden import HiddenCategory, HiddenVerdict, hidden_message, seal
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


@dataclass(frozen=True)
class _Job:
    limits: Limits
    unsafe: bool


@dataclass
class _Shown:
    """A job whose every text may be shown: the visible cases (or an author's trusted code)."""

    results: dict[int, CaseResult]
    gots: dict[int, object]
    verdict: str
    message: str
    stdout: str
    decisive: bool  # the module did not load, a limit, a crash or a forbidden call
    skipped: str  # when decisive: why the other cases count as not run (a fixed text)
    forbidden: bool
    wall_ms: float


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

    A submit runs every case in one job of which only a HiddenVerdict is kept; when it
    did not pass, the visible cases run again alone, in a job whose output is shown.
    `visible_only` ("Run visible tests") is that job alone.
    `reveal_hidden` and `enforce_forbidden=False` are for authors' tools only (trusted
    code: a reference may use what learners may not, and its hidden failures are shown).
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

    def run(indices: list[int]) -> RunResult:
        return options.sandbox().run(
            source=source,
            entry_point=prepared.entry_point,
            kind=prepared.kind,
            cases=prepared.payloads(indices),
            limits=limits,
            forbidden=forbidden,
        )

    job = _Job(limits=limits, unsafe=options.unsafe)
    visible = prepared.indices(visible=True)
    if visible_only:
        return _outcome(prepared, _judge_shown(prepared, visible, run(visible)), None, job)
    everything = list(range(len(prepared.cases)))
    if reveal_hidden:  # authors' trusted code: one job, every text shown
        shown = _judge_shown(prepared, everything, run(everything), reveal=True)
        return _outcome(prepared, shown, None, job)
    hidden = prepared.indices(visible=False)
    sealed = seal(prepared, run(everything), everything, mistakes_over=hidden)
    if sealed.category == HiddenCategory.PASSED:
        return _outcome(prepared, None, sealed, job)
    # Not passed: say why, from a job that holds the visible cases alone.
    return _outcome(prepared, _judge_shown(prepared, visible, run(visible)), sealed, job)


def _judge_shown(prepared, indices: list[int], run: RunResult, *, reveal: bool = False) -> _Shown:
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
            rules=prepared.rules,
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


def _outcome(prepared, shown: _Shown | None, sealed: HiddenVerdict | None, job) -> GradeOutcome:
    """One learner's outcome from a shown job, a sealed job, or both (visible, then all)."""
    results = dict(shown.results) if shown else {}
    if sealed is not None:  # it ran every case: each one not shown keeps only pass/fail
        decided = shown is not None and shown.decisive
        for index, passed in enumerate(sealed.passed):
            case = prepared.cases[index]
            if index not in results:
                why = shown.skipped if decided and not passed else ""  # fixed, visible-job text
                results[index] = CaseResult(case.name, case.visible, passed, why)
            elif results[index].passed and not passed:
                # Right alone, wrong among all the cases: a case counts as passed only in both.
                results[index] = CaseResult(case.name, case.visible, False, ONLY_ALONE)
    cases = [results[i] for i in sorted(results)]
    verdict = shown.verdict if shown is not None else PASSED
    parts = [shown.message] if shown is not None and shown.message else []
    forbidden = shown is not None and shown.forbidden
    if sealed is not None:
        if SEVERITY[sealed.category.value] > SEVERITY[verdict]:
            verdict = sealed.category.value
        # What the visible job did not show came from the hidden cases: say so, in fixed text.
        unexplained = shown is None or sealed.category.value != shown.verdict
        said = hidden_message(sealed, job.limits)
        if said and (unexplained or (sealed.forbidden and not forbidden)):
            parts.append(said)
        forbidden = forbidden or sealed.forbidden
    passed = sum(case.passed for case in cases)
    outcome = GradeOutcome(
        verdict=verdict,
        score=0.0 if forbidden or not cases else passed / len(cases),
        cases=cases,
        stdout=shown.stdout if shown is not None else "",
        warning=UNSAFE_WARNING if job.unsafe else "",
        # The shown job's time only: how long a sealed job took is the learner's to choose.
        timings_ms={"sandbox": round(shown.wall_ms, 2)} if shown is not None else {},
    )
    if verdict != PASSED and shown is not None and not shown.decisive and not forbidden:
        name, hint = _mistake(prepared, shown, sealed)
        outcome.matched_mistake = name
        if hint:
            parts.append(f"Hint: {hint}")
    outcome.message = "\n\n".join(parts)
    return outcome


def _mistake(prepared, shown: _Shown, sealed: HiddenVerdict | None) -> tuple[str, str]:
    """The known mistake reproduced on every case that was compared, visible and hidden."""
    names = mistakes_reproduced(prepared, shown.gots, sorted(shown.results))
    if sealed is not None:
        names = [name for name in names if name in sealed.mistakes]
    return mistake_hint(prepared, names)


_NOT_LOADED = "not run: the module failed to load"
ONLY_ALONE = (
    "passed when the visible cases ran alone, but failed when every case ran: does your "
    "code depend on earlier calls, global state or randomness?"
)


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
