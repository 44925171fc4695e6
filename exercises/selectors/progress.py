"""One learner's progress page: per course, stage and exercise, plus activity per day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from exercises.models import Exercise, Progress, Submission
from exercises.selectors.roadmap import EXERCISE_LIST_FIELDS
from lessons.models import Course, Lesson, LessonCompletion, Stage

ACTIVITY_DAYS = 56


@dataclass
class ExerciseRow:
    exercise: Exercise
    progress: Progress | None

    @property
    def solved(self) -> bool:
        return self.progress is not None and self.progress.solved_at is not None

    @property
    def attempts(self) -> int:
        return self.progress.attempts if self.progress else 0

    @property
    def best_score(self) -> float | None:
        return self.progress.best_score if self.progress and self.progress.attempts else None


@dataclass
class StageProgress:
    stage: Stage
    exercises: list[ExerciseRow] = field(default_factory=list)
    lessons_total: int = 0
    lessons_done: int = 0

    @property
    def solved(self) -> int:
        return sum(row.solved for row in self.exercises)

    @property
    def total(self) -> int:
        return self.lessons_total + len(self.exercises)

    @property
    def done(self) -> int:
        return self.lessons_done + self.solved

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass
class CourseProgress:
    course: Course
    stages: list[StageProgress] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(stage.total for stage in self.stages)

    @property
    def done(self) -> int:
        return sum(stage.done for stage in self.stages)

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class ActivityDay:
    day: date
    submissions: int
    passed: int


def learner_progress(*, learner: AbstractBaseUser) -> list[CourseProgress]:
    """Return the learner's progress in every published course, in six queries."""
    courses = {course.pk: CourseProgress(course=course) for course in Course.objects.published()}
    stages: dict[int, StageProgress] = {}
    for stage in Stage.objects.filter(course__in=courses.keys()).order_by("order", "pk"):
        stages[stage.pk] = StageProgress(stage=stage)
        courses[stage.course_id].stages.append(stages[stage.pk])

    lessons_per_stage = (
        Lesson.objects.published()
        .filter(stage__in=stages.keys())
        .values_list("stage_id")
        .annotate(n=Count("pk"))
        .values_list("stage_id", "n")
    )
    for stage_id, count in lessons_per_stage:
        stages[stage_id].lessons_total = count
    completed_per_stage = (
        LessonCompletion.objects.filter(
            learner=learner, lesson__is_published=True, lesson__stage__in=stages.keys()
        )
        .values_list("lesson__stage_id")
        .annotate(n=Count("pk"))
        .values_list("lesson__stage_id", "n")
    )
    for stage_id, count in completed_per_stage:
        stages[stage_id].lessons_done = count

    progress = {row.exercise_id: row for row in Progress.objects.filter(learner=learner)}
    exercises = (
        Exercise.objects.published()
        .filter(stage__in=stages.keys())
        .order_by("stage__order", "stage__pk", "order", "pk")
        .only(*EXERCISE_LIST_FIELDS)
    )
    for exercise in exercises:
        stages[exercise.stage_id].exercises.append(
            ExerciseRow(exercise=exercise, progress=progress.get(exercise.pk))
        )
    return list(courses.values())


def learner_activity(*, learner: AbstractBaseUser, days: int = ACTIVITY_DAYS) -> list[ActivityDay]:
    """Return submissions (and passing ones) per day over the last `days` days, oldest first.

    Days are counted in the active time zone; days without a submission are included.
    """
    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    start = timezone.make_aware(datetime.combine(first, time.min))
    rows = (
        Submission.objects.filter(learner=learner, created_at__gte=start)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("pk"), passed=Count("pk", filter=Q(verdict=Submission.Verdict.PASSED)))
        .order_by("day")
    )
    counts = {row["day"]: (row["n"], row["passed"]) for row in rows}
    activity = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        submissions, passed = counts.get(day, (0, 0))
        activity.append(ActivityDay(day=day, submissions=submissions, passed=passed))
    return activity
