"""Build specs from database rows: the inverse of the loader, for hashing and dumping."""

from __future__ import annotations

from exercises.course_io.specs import CourseSpec, ExerciseEntry, LessonSpec, StageSpec
from exercises.models import Exercise
from exercises.package import DataFileSpec, ExerciseSpec, WrongSpec
from lessons.models import Course


def exercise_spec(exercise: Exercise, *, lesson_slug: str | None = None) -> ExerciseSpec:
    """Return the spec an exercise row (and its known-wrong rows) was, or would be, loaded from.

    `lesson_slug` overrides the stored lesson (the dump leaves out unpublished lessons).
    """
    wrong = sorted(exercise.wrong_solutions.all(), key=lambda row: row.name)
    if lesson_slug is None:
        lesson_slug = exercise.lesson.slug if exercise.lesson_id else ""
    return ExerciseSpec(
        slug=exercise.slug,
        title=exercise.title,
        kind=exercise.kind,
        entry_point=exercise.entry_point,
        statement=exercise.statement,
        starter_code=exercise.starter_code,
        reference_solution=exercise.reference_solution,
        cases_source=exercise.cases_source,
        rtol=exercise.rtol,
        atol=exercise.atol,
        wall_seconds=float(exercise.wall_seconds),
        cpu_seconds=float(exercise.cpu_seconds),
        memory_mb=int(exercise.memory_mb),
        forbidden=list(exercise.forbidden),
        hints=list(exercise.hints),
        lesson=lesson_slug,
        wrong=[WrongSpec(name=row.name, source=row.source, hint=row.hint) for row in wrong],
        order=exercise.order,
        bool_result=exercise.bool_result,
        unchanged_inputs=list(exercise.unchanged_inputs),
        data_files=[
            DataFileSpec(name=row.name, text=row.text, heldout=row.role == row.Role.HELDOUT)
            for row in sorted(exercise.data_files.all(), key=lambda row: row.name)
        ],
        trained_model=dict(exercise.trained_model or {}),
    )


def course_spec(course: Course) -> CourseSpec:
    """Return the published content of `course` as a spec, in course order."""
    stages = list(course.stages.order_by("order", "pk"))
    lessons = list(
        course.lessons.filter(is_published=True)
        .order_by("order", "slug")
        .prefetch_related("figures")
    )
    published_lessons = {lesson.pk: lesson.slug for lesson in lessons}
    exercises = list(
        Exercise.objects.filter(stage__course=course, is_published=True)
        .prefetch_related("wrong_solutions", "data_files")
        .order_by("order", "slug")
    )
    stage_specs = []
    for position, stage in enumerate(stages, start=1):
        stage_specs.append(
            StageSpec(
                slug=stage.slug,
                title=stage.title,
                summary=stage.summary,
                order=position,
                lessons=[
                    LessonSpec(
                        slug=lesson.slug,
                        title=lesson.title,
                        order=lesson.order,
                        body=lesson.body,
                        figures={f.name: bytes(f.content) for f in lesson.figures.all()},
                    )
                    for lesson in lessons
                    if lesson.stage_id == stage.pk
                ],
                exercises=[
                    ExerciseEntry(
                        spec=exercise_spec(
                            exercise, lesson_slug=published_lessons.get(exercise.lesson_id, "")
                        ),
                        order=exercise.order,
                    )
                    for exercise in exercises
                    if exercise.stage_id == stage.pk
                ],
            )
        )
    return CourseSpec(
        slug=course.slug,
        title=course.title,
        summary=course.summary,
        description=course.description,
        stages=stage_specs,
    )
