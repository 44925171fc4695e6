"""Write a checked `CourseSpec` to the database: create, update or unpublish, never delete.

Identity is the slug (stage within its course, lesson within its course, exercise
globally), so a renamed, retitled or moved lesson or exercise keeps its row, and with it
every learner's progress, completions and submissions. A row is written only when one of
its fields differs from the spec: loading the same folder twice writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from django.db import models, transaction

from exercises.course_io.specs import CourseSpec, ExerciseEntry
from exercises.models import Exercise, ExerciseDataFile, KnownWrongSolution
from exercises.package import PackageError
from lessons.models import Course, Lesson, Stage
from lessons.services import lesson_figures_sync

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
M = TypeVar("M", bound=models.Model)


@dataclass
class Tally:
    """What a load did to one kind of row; each list holds slugs."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)

    def add(self, outcome: str, slug: str) -> None:
        getattr(self, outcome).append(slug)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.unpublished)


@dataclass
class LoadReport:
    course: str  # the course slug
    course_outcome: str  # created, updated or unchanged
    stages: Tally = field(default_factory=Tally)
    lessons: Tally = field(default_factory=Tally)
    exercises: Tally = field(default_factory=Tally)
    # Stages have no published flag; one that left the folder is kept (its lessons and
    # exercises are unpublished) so that nothing cascades away.
    stages_not_in_folder: list[str] = field(default_factory=list)
    figures_written: int = 0  # figure rows created, replaced or deleted

    @property
    def changed(self) -> bool:
        return (
            self.course_outcome != UNCHANGED
            or self.figures_written > 0
            or any(tally.changed for tally in (self.stages, self.lessons, self.exercises))
        )


def course_load(*, spec: CourseSpec) -> LoadReport:
    """Create or update the course described by `spec`, all in one transaction.

    Idempotent: a second load of the same spec issues no INSERT, UPDATE or DELETE.
    Lessons and exercises of this course that the spec no longer holds are unpublished,
    never deleted. Raises `PackageError` (and writes nothing) if an exercise slug already
    belongs to another course.
    """
    with transaction.atomic():
        _check_exercise_owners(spec)
        course, outcome = _upsert(
            Course.objects.filter(slug=spec.slug).first() or Course(slug=spec.slug),
            {
                "title": spec.title,
                "summary": spec.summary,
                "description": spec.description,
                "is_published": True,
            },
        )
        report = LoadReport(course=spec.slug, course_outcome=outcome)
        stages = _load_stages(course, spec, report)
        lessons = _load_lessons(course, spec, stages, report)
        _load_exercises(course, spec, stages, lessons, report)
    return report


def _check_exercise_owners(spec: CourseSpec) -> None:
    entries = {entry.spec.slug: entry for entry in spec.exercises()}
    taken = (
        Exercise.objects.filter(slug__in=entries)
        .exclude(stage__course__slug=spec.slug)
        .values_list("slug", "stage__course__slug")
    )
    for slug, owner in taken:
        raise PackageError(
            f"{entries[slug].path / 'exercise.toml'}: exercise slug {slug!r} already "
            f"belongs to course {owner!r} (exercise slugs are global)"
        )


def _load_stages(course: Course, spec: CourseSpec, report: LoadReport) -> dict[str, Stage]:
    existing = {stage.slug: stage for stage in Stage.objects.filter(course=course)}
    stages = {}
    for stage_spec in spec.stages:
        stage = existing.pop(stage_spec.slug, None) or Stage(course=course, slug=stage_spec.slug)
        stages[stage_spec.slug], outcome = _upsert(
            stage,
            {"title": stage_spec.title, "summary": stage_spec.summary, "order": stage_spec.order},
        )
        report.stages.add(outcome, stage_spec.slug)
    report.stages_not_in_folder = sorted(existing)
    return stages


def _load_lessons(
    course: Course, spec: CourseSpec, stages: dict[str, Stage], report: LoadReport
) -> dict[str, Lesson]:
    existing = {lesson.slug: lesson for lesson in Lesson.objects.filter(course=course)}
    lessons = {}
    for stage_spec in spec.stages:
        for lesson_spec in stage_spec.lessons:
            lesson = existing.pop(lesson_spec.slug, None) or Lesson(
                course=course, slug=lesson_spec.slug
            )
            lessons[lesson_spec.slug], outcome = _upsert(
                lesson,
                {
                    "stage": stages[stage_spec.slug],
                    "title": lesson_spec.title,
                    "body": lesson_spec.body,
                    "order": lesson_spec.order,
                    "is_published": True,
                },
            )
            report.lessons.add(outcome, lesson_spec.slug)
            report.figures_written += lesson_figures_sync(
                lesson=lessons[lesson_spec.slug], figures=lesson_spec.figures
            )
    for lesson in existing.values():
        if lesson.is_published:
            _upsert(lesson, {"is_published": False})
            report.lessons.unpublished.append(lesson.slug)
    return lessons


def _load_exercises(
    course: Course,
    spec: CourseSpec,
    stages: dict[str, Stage],
    lessons: dict[str, Lesson],
    report: LoadReport,
) -> None:
    existing = {
        exercise.slug: exercise
        for exercise in Exercise.objects.filter(stage__course=course).prefetch_related(
            "wrong_solutions", "data_files"
        )
    }
    for stage_spec in spec.stages:
        for entry in stage_spec.exercises:
            exercise = existing.pop(entry.spec.slug, None)
            wrong = list(exercise.wrong_solutions.all()) if exercise else []
            data = list(exercise.data_files.all()) if exercise else []
            exercise, outcome = _upsert(
                exercise or Exercise(slug=entry.spec.slug),
                _exercise_fields(entry, stages[stage_spec.slug], lessons),
            )
            wrong_changed = _sync_wrong(exercise, entry, wrong)
            if (_sync_data(exercise, entry, data) or wrong_changed) and outcome == UNCHANGED:
                outcome = UPDATED
            report.exercises.add(outcome, entry.spec.slug)
    for exercise in existing.values():
        if exercise.is_published:
            _upsert(exercise, {"is_published": False})
            report.exercises.unpublished.append(exercise.slug)


def _exercise_fields(
    entry: ExerciseEntry, stage: Stage, lessons: dict[str, Lesson]
) -> dict[str, object]:
    spec = entry.spec
    return {
        "stage": stage,
        "lesson": lessons[spec.lesson] if spec.lesson else None,
        "title": spec.title,
        "kind": spec.kind,
        "entry_point": spec.entry_point,
        "order": entry.order,
        "statement": spec.statement,
        "starter_code": spec.starter_code,
        "reference_solution": spec.reference_solution,
        "cases_source": spec.cases_source,
        "rtol": spec.rtol,
        "atol": spec.atol,
        "wall_seconds": spec.wall_seconds,
        "cpu_seconds": spec.cpu_seconds,
        "memory_mb": spec.memory_mb,
        "forbidden": list(spec.forbidden),
        "hints": list(spec.hints),
        "bool_result": spec.bool_result,
        "unchanged_inputs": list(spec.unchanged_inputs),
        "trained_model": dict(spec.trained_model),
        "content_hash": spec.content_hash(),
        "is_published": True,
    }


def _sync_wrong(exercise: Exercise, entry: ExerciseEntry, rows: list[KnownWrongSolution]) -> bool:
    """Make the exercise's known-wrong rows match wrong/; return whether anything changed.

    These rows are authoring data (no learner data points at them), so a removed file
    deletes its row.
    """
    existing = {row.name: row for row in rows}
    changed = False
    for wrong in entry.spec.wrong:
        row = existing.pop(wrong.name, None) or KnownWrongSolution(
            exercise=exercise, name=wrong.name
        )
        _, outcome = _upsert(row, {"source": wrong.source, "hint": wrong.hint})
        changed = changed or outcome != UNCHANGED
    if existing:
        KnownWrongSolution.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()
        changed = True
    return changed


def _sync_data(exercise: Exercise, entry: ExerciseEntry, rows: list[ExerciseDataFile]) -> bool:
    """Make the exercise's data file rows match data/; return whether anything changed."""
    existing = {row.name: row for row in rows}
    changed = False
    for data_file in entry.spec.data_files:
        row = existing.pop(data_file.name, None) or ExerciseDataFile(
            exercise=exercise, name=data_file.name
        )
        role = ExerciseDataFile.Role.HELDOUT if data_file.heldout else ExerciseDataFile.Role.INPUT
        _, outcome = _upsert(row, {"text": data_file.text, "role": role})
        changed = changed or outcome != UNCHANGED
    if existing:
        ExerciseDataFile.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()
        changed = True
    return changed


def _upsert(obj: M, values: dict[str, object]) -> tuple[M, str]:
    """Save `obj` with `values` only if a field differs; saving only the fields that do."""
    if obj.pk is None:
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()
        return obj, CREATED
    changed = [name for name, value in values.items() if _current(obj, name) != _key(value)]
    if not changed:
        return obj, UNCHANGED
    for name in changed:
        setattr(obj, name, values[name])
    fields = [obj._meta.get_field(name).attname for name in changed]
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        fields.append("updated_at")  # auto_now is saved only when listed in update_fields
    obj.save(update_fields=fields)
    return obj, UPDATED


def _current(obj: models.Model, name: str) -> object:
    # Compare foreign keys by id: reading the related object would cost a query per row.
    field_ = obj._meta.get_field(name)
    return getattr(obj, field_.attname)


def _key(value: object) -> object:
    return value.pk if isinstance(value, models.Model) else value
