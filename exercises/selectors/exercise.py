"""Reads for the exercise page and for submissions, with who may see what."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from exercises.models import Draft, Exercise, Progress, Submission
from exercises.trained_results import public_model

# The trusted parts of an exercise never reach a page: do not even load them.
TRUSTED_FIELDS = ("reference_solution", "cases_source")


def exercise_published(*, slug: str) -> Exercise:
    """Return a published exercise with its stage, course and lesson; raise DoesNotExist."""
    return (
        Exercise.objects.published()
        .select_related("stage__course", "lesson")
        .defer(*TRUSTED_FIELDS)
        .get(slug=slug)
    )


def exercise_visible_to(*, slug: str, viewer: AbstractBaseUser) -> Exercise:
    """Return an exercise `viewer` may open (staff: unpublished ones too, to preview them),
    with its stage, course and lesson; raise DoesNotExist."""
    if not viewer.is_staff:
        return exercise_published(slug=slug)
    return (
        Exercise.objects.select_related("stage__course", "lesson")
        .defer(*TRUSTED_FIELDS)
        .get(slug=slug)
    )


def exercise_editor_source(*, learner: AbstractBaseUser, exercise: Exercise) -> str:
    """Return what the editor opens with: the learner's draft, else the starter code."""
    if learner.is_authenticated:
        draft = (
            Draft.objects.filter(learner=learner, exercise=exercise)
            .values_list("source_code", flat=True)
            .first()
        )
        if draft is not None:
            return draft
    return exercise.starter_code


def exercise_progress(*, learner: AbstractBaseUser, exercise: Exercise) -> Progress | None:
    """Return the learner's progress row on `exercise`, if any."""
    if not learner.is_authenticated:
        return None
    return Progress.objects.filter(learner=learner, exercise=exercise).first()


def submissions_visible_to(viewer: AbstractBaseUser) -> QuerySet[Submission]:
    """Return the submissions `viewer` may open: their own; every one for staff."""
    queryset = Submission.objects.select_related("exercise__stage__course", "learner").defer(
        *(f"exercise__{name}" for name in TRUSTED_FIELDS)
    )
    if not viewer.is_authenticated:
        return queryset.none()
    if viewer.is_staff:
        return queryset
    return queryset.filter(learner=viewer)


def submission_history(*, learner: AbstractBaseUser, exercise: Exercise) -> QuerySet[Submission]:
    """Return `learner`'s submissions for `exercise`, newest first, without large fields."""
    return (
        Submission.objects.filter(learner=learner, exercise=exercise)
        .order_by("-created_at", "-pk")
        .only(
            "id",
            "mode",
            "status",
            "verdict",
            "score",
            "created_at",
            "graded_at",
            "exercise_id",
            "learner_id",
        )
    )


def submission_public_cases(submission: Submission) -> list[dict]:
    """Per-case results as a learner may see them: a hidden case has no message at all.

    The grader already blanks hidden messages; repeating it at the edge (pages and API
    alike) means a mistake there cannot leak a hidden case's data.
    """
    shown = []
    for case in submission.cases if isinstance(submission.cases, list) else []:
        if not isinstance(case, dict):
            continue
        visible = case.get("visible") is True
        entry = {
            "name": str(case.get("name", "")),
            "visible": visible,
            "passed": case.get("passed") is True,
        }
        if visible:
            entry["message"] = str(case.get("message") or "")
            if isinstance(case.get("diff"), dict):
                entry["diff"] = case["diff"]
            model = public_model(case.get("model"))  # a trained-model case: its numbers
            if model is not None:
                entry["model"] = model
        shown.append(entry)
    return shown
