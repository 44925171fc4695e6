"""Grade a source file against a trained-model exercise: one sandbox job per case.

The same contract as grading.grade_source (no database, no side effects). A case is a
whole training run, so each gets the exercise's full limits in a job of its own; a job
never holds more than one case, so nothing the learner controls leaves a hidden case's
job but passed or failed (the messages of hidden cases are fixed texts).
"""

from __future__ import annotations

import dataclasses

from grader.exercise_cache import PreparedExercise
from grader.grading import (
    ERROR,
    FAILED,
    PASSED,
    UNSAFE_WARNING,
    GradeOutcome,
    GraderOptions,
)
from grader.judging import CaseResult, Judgement
from grader.sandbox import Limits
from grader.sandbox.verdict import verdict_of
from grader.trained import TrainedCaseResult

SKIPPED = "not run: an earlier training run of this submission hit a limit"
HIDDEN_FORBIDDEN = (
    "Your code called a function this exercise forbids while training on a hidden case."
)
LIMIT_MESSAGES = {
    "timeout": "The training run did not finish within the time limit ({seconds:g} s of CPU).",
    "memory_limit": "The training run used more memory than allowed ({memory} MiB).",
    "output_limit": "The training run printed too much output.",
}


def grade_trained_source(
    *,
    prepared: PreparedExercise,
    source: str,
    visible_only: bool,
    limits: Limits,
    options: GraderOptions,
    forbidden: list[str],
    reveal_hidden: bool = False,
) -> GradeOutcome:
    check = prepared.trained
    indices = prepared.indices(visible=True) if visible_only else list(range(len(prepared.cases)))
    outcome = GradeOutcome(verdict=PASSED, score=0.0, timings_ms={"sandbox": 0.0})
    results: list[CaseResult] = []
    verdicts: list[str] = []
    messages: list[str] = []
    forbidden_seen = raised = False
    for position, index in enumerate(indices):
        case = prepared.cases[index]
        run = options.sandbox().run(
            source=source,
            entry_point=prepared.entry_point,
            kind=prepared.kind,
            cases=prepared.payloads([index]),
            limits=limits,
            forbidden=forbidden,
        )
        outcome.timings_ms["sandbox"] = round(outcome.timings_ms["sandbox"] + run.wall_ms, 2)
        outcome.timings_ms[f"cpu_case_{index}"] = round(run.cpu_ms, 1)
        if run.unsafe:
            outcome.warning = UNSAFE_WARNING
        if visible_only and run.stdout:
            outcome.stdout = (outcome.stdout + run.stdout)[-8192:]
        if run.load_error is not None:
            return _load_error(prepared, run, outcome, indices, case.visible or reveal_hidden)
        got = run.results[0] if run.status == "ok" and run.results else None
        shown = case.visible or reveal_hidden
        # From a hidden case's job only passed/failed and the category leave: whether it
        # raised, or which forbidden names it reported, is the learner's to choose.
        raised = raised or (shown and type(got) is dict and "error" in got)
        if got is None:
            why = _not_finished(run, limits) if shown else ""
            result = CaseResult(case.name, case.visible, False, why)
        else:
            result = check.judge(case.name, case.visible, got, reveal=reveal_hidden)
            if result.visible and isinstance(result, TrainedCaseResult) and result.model:
                result = _with_cpu(result, run.cpu_ms / 1000.0, limits.cpu_seconds)
        results.append(result)
        judgement = Judgement(
            verdict=PASSED if result.passed else FAILED, score=float(result.passed), cases=[result]
        )
        verdicts.append(verdict_of(run, judgement))
        if run.forbidden_used:
            forbidden_seen = True
            if shown:
                names = ", ".join(sorted(set(run.forbidden_used)))
                messages.append(f"Your code uses {names}, which this exercise forbids.")
            else:
                messages.append(HIDDEN_FORBIDDEN)
        elif run.status != "ok":
            messages.append(_not_finished(run, limits))
        if run.status in LIMIT_MESSAGES:
            # The next runs would most likely hit the same limit: a minute of a core each.
            for i in indices[position + 1 :]:
                later_shown = prepared.cases[i].visible or reveal_hidden
                results.append(
                    CaseResult(prepared.cases[i].name, prepared.cases[i].visible, False,
                               SKIPPED if later_shown else "")
                )  # fmt: skip
            break
    if raised:
        messages.insert(0, "Your code raised an exception on some cases.")
    outcome.cases = results
    passed = sum(r.passed for r in results)
    outcome.score = passed / len(results) if results else 0.0
    outcome.verdict = _overall(verdicts)
    if forbidden_seen:  # a forbidden call voids the score, as in grade_source
        outcome.score = 0.0
    outcome.message = "\n\n".join(dict.fromkeys(messages))
    return outcome


def _with_cpu(result: TrainedCaseResult, seconds: float, limit: float) -> TrainedCaseResult:
    """The visible case also says how much of the CPU budget its training run used."""
    model = {**result.model, "cpu_seconds": round(seconds, 1), "cpu_limit": limit}
    message = f"{result.message}\nTraining used {seconds:.1f} s of CPU (limit {limit:g} s)."
    return dataclasses.replace(result, model=model, message=message)


def _overall(verdicts: list[str]) -> str:
    """The first case that did not pass decides the verdict (limits before failures)."""
    for verdict in verdicts:
        if verdict not in (PASSED, FAILED):
            return verdict
    if verdicts and all(v == PASSED for v in verdicts):
        return PASSED
    return FAILED


def _not_finished(run, limits: Limits) -> str:
    template = LIMIT_MESSAGES.get(run.status)
    if template:
        return template.format(seconds=limits.cpu_seconds, memory=limits.memory_mb)
    return "The training run stopped before it returned a result."


def _load_error(prepared, run, outcome: GradeOutcome, indices: list[int], shown: bool):
    # The module failed to load before any case ran: no hidden data was in the process
    # yet only if this was a visible case's job, so the traceback is shown only then.
    error = run.load_error or {}
    text = str(error.get("traceback") or error.get("message") or "the module failed to load")
    outcome.verdict = ERROR
    outcome.score = 0.0
    outcome.message = text[:4000] if shown else "Your module failed to load."
    outcome.cases = [
        CaseResult(prepared.cases[i].name, prepared.cases[i].visible, False, "not run")
        for i in indices
    ]
    return outcome
