"""Reads for the API. Trusted fields (reference solution, cases source, wrong solutions)
are never selected for serialising; `exercise_for_api` loads cases.py only to list the
visible cases' names."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from exercises.models import Exercise, Progress, Submission
from lessons.models import Course, Lesson, LessonCompletion, Stage

EXERCISE_SUMMARY_FIELDS = (
    "id",
    "slug",
    "title",
    "kind",
    "order",
    "stage_id",
    "lesson_id",
    "lesson__slug",
)


def courses_published() -> QuerySet[Course]:
    """Return the published courses, by title."""
    return Course.objects.published().order_by("title", "pk")


@dataclass
class StageTree:
    stage: Stage
    lessons: list[Lesson] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)


def course_tree(*, slug: str) -> tuple[Course, list[StageTree]]:
    """Return a published course and its stages with their published lessons and exercises,
    each in order; raise Course.DoesNotExist."""
    course = Course.objects.published().get(slug=slug)
    stages = {stage.pk: StageTree(stage) for stage in course.stages.order_by("order", "pk")}
    for lesson in (
        Lesson.objects.published()
        # stage__course too: the admin could file a lesson under another course's stage.
        .filter(course=course, stage__course=course)
        .order_by("order", "pk")
        .only("id", "slug", "title", "order", "stage_id")
    ):
        stages[lesson.stage_id].lessons.append(lesson)
    for exercise in (
        Exercise.objects.published()
        .filter(stage__course=course)
        .select_related("lesson")
        .order_by("order", "pk")
        .only(*EXERCISE_SUMMARY_FIELDS)
    ):
        stages[exercise.stage_id].exercises.append(exercise)
    return course, list(stages.values())


def lesson_published(*, course_slug: str, slug: str) -> Lesson:
    """Return a published lesson of a published course; raise Lesson.DoesNotExist."""
    return (
        Lesson.objects.published()
        .select_related("course", "stage")
        .get(course__slug=course_slug, slug=slug)
    )


def lesson_exercises(*, lesson: Lesson) -> QuerySet[Exercise]:
    return (
        Exercise.objects.published()
        .filter(lesson=lesson)
        .select_related("lesson")
        .order_by("order", "pk")
        .only(*EXERCISE_SUMMARY_FIELDS)
    )


def exercise_for_api(*, slug: str) -> Exercise:
    """Return a published exercise with its stage, course and lesson; raise DoesNotExist."""
    return (
        Exercise.objects.published()
        .select_related("stage__course", "lesson")
        .defer("reference_solution")
        .get(slug=slug)
    )


def own_submissions(*, learner: AbstractBaseUser) -> QuerySet[Submission]:
    """Return `learner`'s own submissions, newest first (staff included: the API shows only
    one's own; the gradebook pages are where staff read others')."""
    return (
        Submission.objects.filter(learner=learner)
        .select_related("exercise")
        .only(
            "id",
            "mode",
            "status",
            "verdict",
            "score",
            "cases",
            "message",
            "stdout",
            "warning",
            "exercise_version",
            "source_code",
            "created_at",
            "started_at",
            "graded_at",
            "learner_id",
            "exercise__slug",
        )
        .order_by("-created_at", "-pk")
    )


@dataclass
class StageProgress:
    stage: Stage
    lessons_total: int = 0
    lessons_completed: int = 0
    exercises: list[tuple[Exercise, Progress | None]] = field(default_factory=list)


def learner_progress(
    *, learner: AbstractBaseUser, course_slug: str | None = None
) -> list[tuple[Course, list[StageProgress]]]:
    """Return, per published course and stage, the learner's lessons completed and progress
    on each published exercise (None where never attempted), in five queries."""
    courses = list(courses_published().filter(**({"slug": course_slug} if course_slug else {})))
    stages = {
        stage.pk: StageProgress(stage)
        for stage in Stage.objects.filter(course__in=courses).order_by("order", "pk")
    }
    completed = set(
        LessonCompletion.objects.filter(learner=learner).values_list("lesson_id", flat=True)
    )
    for lesson_id, stage_id in (
        Lesson.objects.published()
        .filter(course__in=courses, stage__course__in=courses)
        .values_list("id", "stage_id")
    ):
        stages[stage_id].lessons_total += 1
        stages[stage_id].lessons_completed += lesson_id in completed
    exercises = list(
        Exercise.objects.published()
        .filter(stage__course__in=courses)
        .order_by("order", "pk")
        .only("id", "slug", "title", "stage_id")
    )
    progress = {
        row.exercise_id: row
        for row in Progress.objects.filter(learner=learner, exercise__in=exercises)
    }
    for exercise in exercises:
        stages[exercise.stage_id].exercises.append((exercise, progress.get(exercise.pk)))
    return [
        (course, [entry for entry in stages.values() if entry.stage.course_id == course.pk])
        for course in courses
    ]
