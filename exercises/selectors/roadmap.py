"""The roadmap of a course: stages in order, their lessons and exercises, and one
learner's progress on each. Read in a constant number of queries, whatever the size of
the course."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from exercises.models import Exercise, Progress, Submission
from lessons.models import Course, Lesson, LessonCompletion, Stage

# Only what a roadmap shows: the statement, reference and cases stay in the database.
EXERCISE_LIST_FIELDS = ("id", "slug", "title", "kind", "stage_id", "lesson_id", "order")


@dataclass
class ExerciseEntry:
    exercise: Exercise
    progress: Progress | None = None
    attempted: bool = False

    @property
    def solved(self) -> bool:
        return self.progress is not None and self.progress.solved_at is not None

    @property
    def state(self) -> str:
        """One of "solved", "attempted", "new": the marker shown beside the exercise."""
        if self.solved:
            return "solved"
        if self.attempted or (self.progress is not None and self.progress.attempts):
            return "attempted"
        return "new"


@dataclass
class LessonEntry:
    lesson: Lesson
    completed: bool = False
    exercises: list[ExerciseEntry] = field(default_factory=list)


class _Fraction:
    total: int
    done: int

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


class _Counted(_Fraction):
    """Done/total over the lessons (completed) and exercises (solved) below a node."""

    def entries(self) -> tuple[list[LessonEntry], list[ExerciseEntry]]:
        raise NotImplementedError

    @property
    def total(self) -> int:
        lessons, exercises = self.entries()
        return len(lessons) + len(exercises)

    @property
    def done(self) -> int:
        lessons, exercises = self.entries()
        return sum(entry.completed for entry in lessons) + sum(e.solved for e in exercises)


@dataclass
class StageEntry(_Counted):
    stage: Stage
    lessons: list[LessonEntry] = field(default_factory=list)
    # Exercises without a (published) lesson: listed at the end of the stage.
    exercises: list[ExerciseEntry] = field(default_factory=list)

    def entries(self):
        exercises = [e for lesson in self.lessons for e in lesson.exercises] + self.exercises
        return self.lessons, exercises

    @property
    def exercise_entries(self) -> list[ExerciseEntry]:
        return self.entries()[1]


@dataclass
class Roadmap(_Counted):
    course: Course
    stages: list[StageEntry]
    tracked: bool  # False for anonymous visitors: nothing to show as done

    def entries(self):
        lessons, exercises = [], []
        for stage in self.stages:
            stage_lessons, stage_exercises = stage.entries()
            lessons += stage_lessons
            exercises += stage_exercises
        return lessons, exercises

    @property
    def next_step(self) -> LessonEntry | ExerciseEntry | None:
        """The first lesson not completed or exercise not solved, in roadmap order."""
        for stage in self.stages:
            for lesson in stage.lessons:
                if not lesson.completed:
                    return lesson
                for exercise in lesson.exercises:
                    if not exercise.solved:
                        return exercise
            for exercise in stage.exercises:
                if not exercise.solved:
                    return exercise
        return None


def _learner_state(learner, exercise_filter: Q, completion_filter: Q | None):
    if learner is None or not learner.is_authenticated:
        return {}, set(), set()
    progress = {
        row.exercise_id: row for row in Progress.objects.filter(exercise_filter, learner=learner)
    }
    attempted = set(
        Submission.objects.filter(exercise_filter, learner=learner)
        .values_list("exercise_id", flat=True)
        .distinct()
    )
    completed = set()
    if completion_filter is not None:
        completed = set(
            LessonCompletion.objects.filter(completion_filter, learner=learner).values_list(
                "lesson_id", flat=True
            )
        )
    return progress, attempted, completed


def course_roadmap(*, course: Course, learner: AbstractBaseUser | None) -> Roadmap:
    """Return `course`'s stages in order with their published lessons and exercises.

    An exercise tied to a published lesson is listed under it (wherever that lesson is);
    any other exercise is listed at the end of its own stage. Six queries at most.
    """
    stages = list(Stage.objects.filter(course=course).order_by("order", "pk"))
    lessons = list(
        Lesson.objects.published()
        .filter(course=course)
        .order_by("stage__order", "stage__pk", "order", "pk")
        .only("id", "slug", "title", "stage_id", "course_id", "order")
    )
    exercises = list(
        Exercise.objects.published()
        .filter(stage__course=course)
        .order_by("stage__order", "stage__pk", "order", "pk")
        .only(*EXERCISE_LIST_FIELDS)
    )
    progress, attempted, completed = _learner_state(
        learner, Q(exercise__stage__course=course), Q(lesson__course=course)
    )

    stage_entries = {stage.pk: StageEntry(stage=stage) for stage in stages}
    lesson_entries: dict[int, LessonEntry] = {}
    for lesson in lessons:
        entry = LessonEntry(lesson=lesson, completed=lesson.pk in completed)
        lesson_entries[lesson.pk] = entry
        if lesson.stage_id in stage_entries:
            stage_entries[lesson.stage_id].lessons.append(entry)
    for exercise in exercises:
        entry = ExerciseEntry(
            exercise=exercise,
            progress=progress.get(exercise.pk),
            attempted=exercise.pk in attempted,
        )
        if exercise.lesson_id in lesson_entries:
            lesson_entries[exercise.lesson_id].exercises.append(entry)
        elif exercise.stage_id in stage_entries:
            stage_entries[exercise.stage_id].exercises.append(entry)
    tracked = learner is not None and learner.is_authenticated
    return Roadmap(course=course, stages=list(stage_entries.values()), tracked=tracked)


@dataclass
class CourseCard(_Fraction):
    course: Course
    lesson_count: int
    exercise_count: int
    completed_lessons: int = 0
    solved_exercises: int = 0

    @property
    def total(self) -> int:
        return self.lesson_count + self.exercise_count

    @property
    def done(self) -> int:
        return self.completed_lessons + self.solved_exercises


def _count(queryset, outer: str = "pk"):
    subquery = queryset.filter(**{f"{outer}": OuterRef("pk")}).order_by().values(outer)
    return Coalesce(Subquery(subquery.annotate(n=Count("pk")).values("n")), 0)


def course_cards(*, learner: AbstractBaseUser | None) -> list[CourseCard]:
    """Return every published course with its size and the learner's progress (3 queries)."""
    courses = list(
        Course.objects.published()
        .annotate(
            lesson_count=_count(Lesson.objects.published(), "course"),
            exercise_count=_count(Exercise.objects.published(), "stage__course"),
        )
        .order_by("title")
    )
    solved: dict[int, int] = {}
    completed: dict[int, int] = {}
    if learner is not None and learner.is_authenticated:
        solved = dict(
            Progress.objects.solved()
            .filter(learner=learner, exercise__is_published=True)
            .values_list("exercise__stage__course")
            .annotate(n=Count("pk"))
            .values_list("exercise__stage__course", "n")
        )
        completed = dict(
            LessonCompletion.objects.filter(learner=learner, lesson__is_published=True)
            .values_list("lesson__course")
            .annotate(n=Count("pk"))
            .values_list("lesson__course", "n")
        )
    return [
        CourseCard(
            course=course,
            lesson_count=course.lesson_count,
            exercise_count=course.exercise_count,
            completed_lessons=completed.get(course.pk, 0),
            solved_exercises=solved.get(course.pk, 0),
        )
        for course in courses
    ]


def lesson_exercise_entries(
    *, lesson: Lesson, learner: AbstractBaseUser | None
) -> list[ExerciseEntry]:
    """Return the published exercises that practise `lesson`, with the learner's markers."""
    exercises = list(
        Exercise.objects.published()
        .filter(lesson=lesson)
        .order_by("order", "pk")
        .only(*EXERCISE_LIST_FIELDS)
    )
    if not exercises:
        return []
    progress, attempted, _ = _learner_state(learner, Q(exercise__lesson=lesson), None)
    return [
        ExerciseEntry(exercise=e, progress=progress.get(e.pk), attempted=e.pk in attempted)
        for e in exercises
    ]


def lesson_placed_exercise_entries(
    *, lesson: Lesson, slugs: list[str], learner: AbstractBaseUser | None
) -> dict[str, ExerciseEntry]:
    """Return the published exercises of `lesson`'s course named by `slugs`, keyed by slug.

    These are the cards a lesson places in its text with `::exercise[SLUG]`; a slug that
    names no published exercise of the course is simply absent. Three queries at most.
    """
    if not slugs:
        return {}
    exercises = list(
        Exercise.objects.published()
        .filter(stage__course_id=lesson.course_id, slug__in=set(slugs))
        .only(*EXERCISE_LIST_FIELDS)
    )
    if not exercises:
        return {}
    ids = [exercise.pk for exercise in exercises]
    progress, attempted, _ = _learner_state(learner, Q(exercise_id__in=ids), None)
    return {
        e.slug: ExerciseEntry(exercise=e, progress=progress.get(e.pk), attempted=e.pk in attempted)
        for e in exercises
    }
