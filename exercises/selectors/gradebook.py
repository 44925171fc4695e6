"""The gradebook of a course: every learner with activity × every published exercise."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef

from exercises.models import Exercise, Progress, Submission
from exercises.selectors.roadmap import EXERCISE_LIST_FIELDS
from lessons.models import Course


@dataclass(frozen=True)
class GradebookCell:
    exercise: Exercise
    best_score: float | None  # None: never graded in submit mode
    solved: bool
    attempts: int
    submissions: int  # every submission, runs included
    # (known mistake, how many graded submits reproduced it), most frequent first
    mistakes: tuple[tuple[str, int], ...] = ()


@dataclass
class GradebookRow:
    learner: object
    cells: list[GradebookCell] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(cell.best_score or 0.0 for cell in self.cells)

    @property
    def solved(self) -> int:
        return sum(cell.solved for cell in self.cells)


@dataclass
class Gradebook:
    course: Course
    exercises: list[Exercise]
    rows: list[GradebookRow]

    @property
    def solved_per_exercise(self) -> list[int]:
        return [sum(row.cells[i].solved for row in self.rows) for i in range(len(self.exercises))]


def course_gradebook(*, course: Course) -> Gradebook:
    """Return best scores, solved flags and submission counts for `course`, in four queries.

    Learners are everyone with a submission or progress in the course's exercises, by
    username. Scores are fractions of cases passed (0–1), totals their sum.
    """
    exercises = list(
        Exercise.objects.published()
        .filter(stage__course=course)
        .order_by("stage__order", "stage__pk", "order", "pk")
        .only(*EXERCISE_LIST_FIELDS)
    )
    in_course = {"exercise__stage__course": course}
    learners = list(
        get_user_model()
        .objects.filter(
            Exists(Submission.objects.filter(learner=OuterRef("pk"), **in_course))
            | Exists(Progress.objects.filter(learner=OuterRef("pk"), **in_course))
        )
        .order_by("username")
        .only("id", "username", "email", "first_name", "last_name")
    )
    progress = {
        (row.learner_id, row.exercise_id): row for row in Progress.objects.filter(**in_course)
    }
    submission_counts: dict[tuple, int] = {}
    mistakes: dict[tuple, dict[str, int]] = {}
    # One query for both: counts per (learner, exercise, mode, matched mistake).
    for learner_id, exercise_id, mode, mistake, count in (
        Submission.objects.filter(**in_course)
        .values_list("learner_id", "exercise_id", "mode", "matched_mistake")
        .annotate(n=Count("pk"))
        .values_list("learner_id", "exercise_id", "mode", "matched_mistake", "n")
        .order_by()
    ):
        key = (learner_id, exercise_id)
        submission_counts[key] = submission_counts.get(key, 0) + count
        if mistake and mode == Submission.Mode.SUBMIT:
            mistakes.setdefault(key, {})[mistake] = count
    rows = []
    for learner in learners:
        row = GradebookRow(learner=learner)
        for exercise in exercises:
            key = (learner.pk, exercise.pk)
            entry = progress.get(key)
            graded = entry is not None and entry.attempts > 0
            row.cells.append(
                GradebookCell(
                    exercise=exercise,
                    best_score=entry.best_score if graded else None,
                    solved=entry is not None and entry.solved_at is not None,
                    attempts=entry.attempts if entry else 0,
                    submissions=submission_counts.get(key, 0),
                    mistakes=tuple(
                        sorted(mistakes.get(key, {}).items(), key=lambda item: (-item[1], item[0]))
                    ),
                )
            )
        rows.append(row)
    return Gradebook(course=course, exercises=exercises, rows=rows)
