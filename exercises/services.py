"""Writes for exercises: submissions, drafts and progress.

Grading itself lives in the grader app, above this one: a submission is handed to it by
task name over the broker, so that web hosts never import the grader (nor torch).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from courseplatform.outage import Outage
from exercises.models import Draft, Exercise, Progress, Submission

logger = logging.getLogger(__name__)

GRADE_TASK = "grader.grade_submission"
GRADE_QUEUE = "grading"
GRADE_LONG_TASK = "grader.grade_submission_long"
GRADE_LONG_QUEUE = "grading-long"


class SubmissionTooLarge(ValueError):
    """The submitted source is over SUBMISSION_MAX_BYTES."""


class TrainingRunPending(ValueError):
    """A long exercise's earlier submission by this learner is still being graded."""


def source_check_size(source_code: str) -> None:
    size = len(source_code.encode("utf-8"))
    limit = settings.SUBMISSION_MAX_BYTES
    if size > limit:
        raise SubmissionTooLarge(
            f"The code is {size:,} bytes; the limit is {limit:,} bytes ({limit // 1024} KB)."
        )


def submission_submit(
    *,
    learner: AbstractBaseUser,
    exercise: Exercise,
    source_code: str,
    mode: str = Submission.Mode.SUBMIT,
) -> Submission:
    """Store an attempt (and the learner's draft) and queue grading once the row is committed.

    If the broker is down the submission stays queued and loses nothing: the grader's
    periodic sweep sends it as soon as the broker is back. The returned submission's
    `notice` then says so (once the outermost transaction has committed).
    """
    source_check_size(source_code)
    if exercise.is_long and (
        Submission.objects.filter(learner=learner, exercise=exercise)
        .exclude(status=Submission.Status.DONE)
        .exists()
    ):
        # A training run costs up to a minute of a core per case: one at a time per learner.
        raise TrainingRunPending(
            "Your previous run of this exercise is still being graded (each test is a "
            "training run): wait for its verdict, then try again."
        )
    with transaction.atomic():
        submission = Submission.objects.create(
            learner=learner,
            exercise=exercise,
            source_code=source_code,
            mode=mode,
            exercise_version=exercise.content_hash,
            enqueued_at=timezone.now(),
        )
        draft_save(learner=learner, exercise=exercise, source_code=source_code)

        def enqueue() -> None:
            if not submission_enqueue(submission_id=submission.pk):
                submission.enqueued_at = None  # as stored: `notice` tells the learner

        transaction.on_commit(enqueue)
    return submission


# While the broker is down, submits skip the send (0.2 s each) for a few seconds at a time.
broker_outage = Outage("The Celery broker", retry_seconds=2.0)


def submission_enqueue(*, submission_id: int) -> bool:
    """Send the grading task for a submission; return False (and log) if the broker is down.

    A submission that could not be sent is marked never-sent (`enqueued_at` empty), which
    the grader's sweep re-sends at its next run after the broker is back.
    """
    from celery import current_app

    task, queue = submission_route(submission_id=submission_id)
    if not broker_outage.skipping():
        try:
            current_app.send_task(
                task,
                args=[submission_id],
                queue=queue,
                retry=True,
                retry_policy={"max_retries": 1, "interval_start": 0.2},
            )
        except Exception as exc:  # kombu raises many types for "broker unreachable"
            broker_outage.failed(exc, fallback="submissions stay queued for the sweep")
        else:
            broker_outage.succeeded()
            return True
    Submission.objects.filter(pk=submission_id, status=Submission.Status.QUEUED).update(
        enqueued_at=None
    )
    return False


def submission_route(*, submission_id: int) -> tuple[str, str]:
    """(task name, queue) for grading this submission: training runs go to grading-long."""
    row = (
        Submission.objects.filter(pk=submission_id)
        .values_list("exercise__trained_model", "exercise__wall_seconds")
        .first()
    )
    if row is not None and (row[0] or row[1] > settings.GRADER_WALL_SECONDS):
        return GRADE_LONG_TASK, GRADE_LONG_QUEUE
    return GRADE_TASK, GRADE_QUEUE


def progress_refresh(*, learner_id: int, exercise_id: int) -> Progress:
    """Recompute best score and solved time from graded submits (after a regrade)."""
    graded = Submission.objects.filter(
        learner_id=learner_id,
        exercise_id=exercise_id,
        mode=Submission.Mode.SUBMIT,
        status=Submission.Status.DONE,
    )
    best = max((s.score or 0.0 for s in graded.only("score")), default=0.0)
    first_pass = graded.filter(score__gte=1.0).order_by("graded_at").first()
    progress, _ = Progress.objects.get_or_create(learner_id=learner_id, exercise_id=exercise_id)
    progress.best_score = best
    progress.solved_at = first_pass.graded_at if first_pass else None
    progress.save(update_fields=["best_score", "solved_at"])
    return progress


def draft_save(*, learner: AbstractBaseUser, exercise: Exercise, source_code: str) -> Draft:
    """Keep the learner's latest editor contents for this exercise."""
    source_check_size(source_code)
    draft, _ = Draft.objects.update_or_create(
        learner=learner, exercise=exercise, defaults={"source_code": source_code}
    )
    return draft


def progress_record_attempt(*, learner_id: int, exercise_id: int, score: float) -> Progress:
    """Count one graded submit and keep the best score; call inside the verdict's transaction."""
    now = timezone.now()
    progress, _ = Progress.objects.get_or_create(learner_id=learner_id, exercise_id=exercise_id)
    Progress.objects.filter(pk=progress.pk).update(
        attempts=F("attempts") + 1,
        best_score=Greatest(F("best_score"), score),
        last_attempt_at=now,
    )
    if score >= 1.0:
        Progress.objects.filter(pk=progress.pk, solved_at__isnull=True).update(solved_at=now)
    progress.refresh_from_db()
    return progress


def exercise_rehash(*, exercise: Exercise) -> Exercise:
    """Recompute `content_hash` from the exercise's stored fields and known-wrong rows.

    Gives the same hash as loading the same content from files (`ExerciseSpec.content_hash`),
    so a verdict's `exercise_version` names what graded it however the exercise was edited.
    Call it after saving the exercise and its known-wrong rows; writes only the hash, and
    only when it changed.
    """
    # Imported here: only authoring paths (admin, loadcourse) need the course_io package.
    from exercises.course_io.dbspec import exercise_spec

    content_hash = exercise_spec(exercise).content_hash()
    if content_hash != exercise.content_hash:
        Exercise.objects.filter(pk=exercise.pk).update(content_hash=content_hash)
        exercise.content_hash = content_hash
    return exercise
