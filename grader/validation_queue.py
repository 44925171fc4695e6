"""The web side of "Validate exercise": queue a validation by task name, read its state.

Imports no grading code: a web process only writes the request row and sends
`grader.validate_exercise` with its id; a grading worker runs the exercise's code in
the sandbox and writes the report (grader/validation.py).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from exercises.models import Exercise
from grader.models import ExerciseValidation

logger = logging.getLogger(__name__)

VALIDATE_TASK = "grader.validate_exercise"
VALIDATE_QUEUE = "grading"
# A trained-model exercise trains a model per case: its validation takes many minutes and
# runs on the grading-long workers, so that quick verdicts never wait behind it.
VALIDATE_LONG_TASK = "grader.validate_exercise_long"
VALIDATE_LONG_QUEUE = "grading-long"
# A request older than this that never finished (its worker died for good) no longer
# stands in for a new one (above each task's hard time limit, grader/tasks.py).
STALE_AFTER = timedelta(minutes=10)
STALE_AFTER_LONG = timedelta(minutes=70)


def exercise_validation_request(
    *, exercise: Exercise, requested_by: AbstractBaseUser | None
) -> ExerciseValidation:
    """Queue a validation of the exercise's current version.

    A validation of the same version that is still queued or running is returned instead
    of queueing another (pressing the button twice costs one run).
    """
    with transaction.atomic():
        pending = (
            ExerciseValidation.objects.active()
            .select_for_update()
            .filter(
                exercise=exercise,
                exercise_version=exercise.content_hash,
                created_at__gte=timezone.now()
                - (STALE_AFTER_LONG if exercise.is_long else STALE_AFTER),
            )
            .first()
        )
        if pending is not None:
            return pending
        validation = ExerciseValidation.objects.create(
            exercise=exercise,
            requested_by=requested_by,
            exercise_version=exercise.content_hash,
        )
        long = exercise.is_long
        transaction.on_commit(lambda: _enqueue(validation.pk, long=long))
    return validation


def exercise_validation_latest(*, exercise: Exercise) -> ExerciseValidation | None:
    return ExerciseValidation.objects.filter(exercise=exercise).first()


def _enqueue(validation_id: int, *, long: bool = False) -> None:
    from celery import current_app

    try:
        current_app.send_task(
            VALIDATE_LONG_TASK if long else VALIDATE_TASK,
            args=[validation_id],
            queue=VALIDATE_LONG_QUEUE if long else VALIDATE_QUEUE,
            retry=True,
            retry_policy={"max_retries": 1, "interval_start": 0.2},
        )
    except Exception as exc:  # kombu raises many types for "broker unreachable"
        logger.warning("Validation %s not queued: broker unavailable (%s)", validation_id, exc)
        ExerciseValidation.objects.filter(pk=validation_id).update(
            status=ExerciseValidation.Status.FAILED,
            error="The task queue is unavailable, so the validation was not started: "
            "try again in a moment.",
            finished_at=timezone.now(),
        )
