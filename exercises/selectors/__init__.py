"""Reads that span models (see STYLE.md): one module per page family."""

from exercises.selectors.exercise import (
    exercise_editor_source,
    exercise_progress,
    exercise_published,
    exercise_visible_to,
    submission_history,
    submission_public_cases,
    submissions_visible_to,
)
from exercises.selectors.gradebook import Gradebook, course_gradebook
from exercises.selectors.progress import learner_activity, learner_progress
from exercises.selectors.roadmap import (
    Roadmap,
    course_cards,
    course_roadmap,
    lesson_exercise_entries,
    lesson_placed_exercise_entries,
)

__all__ = [
    "Gradebook",
    "Roadmap",
    "course_cards",
    "course_gradebook",
    "course_roadmap",
    "exercise_editor_source",
    "exercise_progress",
    "exercise_published",
    "exercise_visible_to",
    "learner_activity",
    "lesson_exercise_entries",
    "lesson_placed_exercise_entries",
    "learner_progress",
    "submission_public_cases",
    "submission_history",
    "submissions_visible_to",
]
