"""Exercise pages: thin views over exercises.selectors and exercises.services."""

from exercises.views.exercise import draft_autosave, exercise_detail, submission_create
from exercises.views.gradebook import gradebook, gradebook_csv, gradebook_index
from exercises.views.progress import progress
from exercises.views.submission import submission_detail, submission_list, submission_status

__all__ = [
    "draft_autosave",
    "exercise_detail",
    "gradebook",
    "gradebook_csv",
    "gradebook_index",
    "progress",
    "submission_create",
    "submission_detail",
    "submission_list",
    "submission_status",
]
