"""Validate an exercise through the real sandbox and comparison path.

The reference must pass every case; the starter must fail; every known-wrong solution
must fail at least one hidden case; and whatever a wrong solution gets wrong on the
visible cases, the hidden cases catch too (visible ⊆ hidden). Every piece of the
exercise's own code runs in the sandbox (author jobs, then learner jobs); this module
only compares data. It runs in a grading worker (the admin's "Validate exercise" queues
`grader.validate_exercise`) or in `manage.py validate_exercises`, never in a web process.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from django.utils import timezone

from exercises.models import Exercise
from grader.exercise_cache import ExerciseBroken, prepared_exercise
from grader.grading import GradeOutcome
from grader.models import ExerciseValidation
from grader.services import exercise_grade_source


@dataclass(frozen=True)
class ValidationRow:
    label: str
    expected: str
    got: str
    ok: bool
    detail: str = ""


@dataclass
class ValidationReport:
    slug: str
    rows: list[ValidationRow] = field(default_factory=list)
    hidden_cases: int = 0
    visible_cases: int = 0
    output: str = ""  # what cases.py printed, for the author

    @property
    def ok(self) -> bool:
        return bool(self.rows) and all(row.ok for row in self.rows)

    def as_dict(self) -> dict:
        return {
            "slug": self.slug,
            "ok": self.ok,
            "visible_cases": self.visible_cases,
            "hidden_cases": self.hidden_cases,
            "output": self.output,
            "rows": [dataclasses.asdict(row) for row in self.rows],
        }


def exercise_validate(*, exercise: Exercise, seed_runs: int | None = None) -> ValidationReport:
    """Run the reference, the starter and every wrong solution through the sandbox.

    A trained-model exercise also trains the reference `seed_runs` more times per case
    with other seeds and reports its margin below the threshold (trained_validation).
    """
    report = ValidationReport(slug=exercise.slug)
    try:
        prepared = prepared_exercise(exercise)
    except ExerciseBroken as exc:
        report.output = exc.stdout
        report.rows.append(
            ValidationRow("cases.py + reference", "loads", "broken", False, str(exc))
        )
        return report
    report.output = prepared.cases_stdout
    report.visible_cases = len(prepared.indices(visible=True))
    report.hidden_cases = len(prepared.indices(visible=False))

    def grade(source: str, *, trusted: bool = False) -> GradeOutcome:
        return exercise_grade_source(
            exercise=exercise,
            source=source,
            visible_only=False,
            reveal_hidden=True,
            enforce_forbidden=not trusted,
        )

    reference = grade(exercise.reference_solution, trusted=True)
    report.rows.append(_row("reference solution", reference, must_pass=True))
    starter = grade(exercise.starter_code)
    report.rows.append(_row("starter code", starter, must_pass=False))
    for wrong in exercise.wrong_solutions.all():
        outcome = grade(wrong.source)
        row = _row(f"wrong/{wrong.name}", outcome, must_pass=False)
        visible_failed = [c for c in outcome.cases if c.visible and not c.passed]
        if row.ok and visible_failed and not _hidden_failed(outcome):
            row = ValidationRow(
                row.label,
                row.expected,
                row.got,
                False,
                "fails a visible case but no hidden case: the hidden cases must cover it",
            )
        report.rows.append(row)
    if prepared.trained is not None:
        report.rows.append(_seed_row(exercise, prepared, seed_runs))
    return report


def _seed_row(exercise: Exercise, prepared, seed_runs: int | None) -> ValidationRow:
    from grader.services import exercise_limits, grader_options
    from grader.trained_validation import DEFAULT_SEED_RUNS, reference_seed_margin

    runs = DEFAULT_SEED_RUNS if seed_runs is None else seed_runs
    label = f"reference, {runs} more seeds per case"
    expected = f"every score < {prepared.trained.threshold:g}"
    if prepared.trained.seed_index is None:
        return ValidationRow(
            label,
            expected,
            "no seed_index",
            False,
            "[trained_model] seed_index names the seed argument to vary",
        )
    margin = reference_seed_margin(
        prepared=prepared,
        reference=exercise.reference_solution,
        limits=exercise_limits(exercise),
        options=grader_options(),
        runs=runs,
    )
    if margin is None:  # runs == 0: nothing asked for
        return ValidationRow(label, expected, "skipped", True, "")
    got = f"worst {margin.worst:.3f}, margin {margin.margin:.3f}"
    detail = ", ".join(f"{score:.3f}" for _, _, score in margin.scores)
    if margin.failures:
        detail = "; ".join(margin.failures)[:500]
    return ValidationRow(label, expected, got, not margin.failures, detail)


def _hidden_failed(outcome: GradeOutcome) -> list[str]:
    return [c.name for c in outcome.cases if not c.visible and not c.passed]


def _row(label: str, outcome: GradeOutcome, *, must_pass: bool) -> ValidationRow:
    got = f"{outcome.verdict} ({outcome.score:.0%})"
    if must_pass:
        ok = outcome.verdict == "passed"
        failed = [f"{c.name}: {c.message}" for c in outcome.cases if not c.passed]
        detail = "; ".join(failed)[:500] or outcome.message[:500]
        return ValidationRow(label, "passed", got, ok, "" if ok else detail)
    hidden = _hidden_failed(outcome)
    ok = outcome.verdict != "passed" and bool(hidden)
    detail = f"fails hidden: {', '.join(hidden)[:300]}" if hidden else outcome.message[:300]
    return ValidationRow(label, "fails a hidden case", got, ok, detail)


def exercise_validation_run(*, validation_id: int):
    """Run one queued validation and store its report; idempotent (a finished one is kept).

    Raises SandboxUnavailable for the task to retry.
    """
    validation = (
        ExerciseValidation.objects.select_related("exercise").filter(pk=validation_id).first()
    )
    if validation is None or validation.finished:
        return validation
    ExerciseValidation.objects.filter(pk=validation_id).update(
        status=ExerciseValidation.Status.RUNNING, started_at=timezone.now()
    )
    exercise = validation.exercise
    report = exercise_validate(exercise=exercise)
    ExerciseValidation.objects.filter(pk=validation_id).exclude(
        status__in=[ExerciseValidation.Status.DONE, ExerciseValidation.Status.FAILED]
    ).update(
        status=ExerciseValidation.Status.DONE,
        ok=report.ok,
        report=report.as_dict(),
        exercise_version=exercise.content_hash,
        finished_at=timezone.now(),
    )
    validation.refresh_from_db()
    return validation


def exercise_validation_fail(*, validation_id: int, error: str) -> None:
    """Record that a validation could not run at all (no report: not the exercise's fault)."""
    ExerciseValidation.objects.filter(pk=validation_id).exclude(
        status=ExerciseValidation.Status.DONE
    ).update(
        status=ExerciseValidation.Status.FAILED, error=error[:2000], finished_at=timezone.now()
    )
