"""Grading writes: record verdicts, re-send stuck submissions, regrade after a fix."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from exercises.models import Exercise, Submission
from exercises.services import progress_record_attempt, progress_refresh, submission_enqueue
from exercises.verdicts import verdict_announce
from grader.exercise_cache import ExerciseBroken, prepared_exercise
from grader.grading import GradeOutcome, GraderOptions, grade_source
from grader.sandbox import Limits
from grader.storable import storable_json, storable_text

logger = logging.getLogger(__name__)

MAX_DELIVERIES = 5
BROKEN_MESSAGE = (
    "This exercise could not be graded because of a problem in the exercise itself, not "
    "in your code. The instructors have been told; please try again later."
)


GAVE_UP = GradeOutcome(
    verdict=Submission.Verdict.ERROR,
    score=0.0,
    message="This submission could not be graded after several tries. "
    "It was not your code's fault; please submit again.",
)


def grader_options() -> GraderOptions:
    return GraderOptions(
        unsafe=settings.GRADER_UNSAFE_NO_SANDBOX,
        uid_base=settings.GRADER_SLOT_UID_BASE,
        threads=settings.GRADER_THREADS,
    )


def exercise_limits(exercise: Exercise) -> Limits:
    """The exercise's limits under the caps of its queue (per case on grading-long)."""
    if exercise.is_long:
        wall_cap, memory_cap = settings.GRADER_LONG_WALL_SECONDS, settings.GRADER_LONG_MEMORY_MB
    else:
        wall_cap, memory_cap = settings.GRADER_WALL_SECONDS, settings.GRADER_MEMORY_MB
    wall = min(exercise.wall_seconds, wall_cap)
    return Limits(
        wall_seconds=wall,
        cpu_seconds=min(exercise.cpu_seconds, wall),
        memory_mb=min(exercise.memory_mb, memory_cap),
        threads=settings.GRADER_THREADS,
    )


def author_limits() -> Limits:
    """The author profile: an exercise's own code (cases.py, the reference) may need more
    than a learner's job, but stays bounded so that a grading task always ends."""
    wall = settings.GRADER_AUTHOR_WALL_SECONDS
    return Limits(
        wall_seconds=wall,
        cpu_seconds=wall,
        memory_mb=settings.GRADER_AUTHOR_MEMORY_MB,
        threads=settings.GRADER_THREADS,
    )


def exercise_grade_source(
    *,
    exercise: Exercise,
    source: str,
    visible_only: bool,
    reveal_hidden: bool = False,
    enforce_forbidden: bool = True,
) -> GradeOutcome:
    """Grade a source file against an exercise with no database writes.

    `reveal_hidden` and `enforce_forbidden=False` are for authors' tools (validation of
    trusted files), never for a learner's submission.
    """
    return grade_source(
        prepared=prepared_exercise(exercise),
        source=source,
        visible_only=visible_only,
        limits=exercise_limits(exercise),
        options=grader_options(),
        reveal_hidden=reveal_hidden,
        enforce_forbidden=enforce_forbidden,
    )


def submission_grade(*, submission_id: int) -> Submission | None:
    """Grade a submission and record its verdict, per-case results and progress.

    Safe to run any number of times for one id (Celery may redeliver, the sweep may
    re-send): judging has no side effects, and only the first run to finish records the
    verdict, with the progress update in the same transaction. Raises SandboxUnavailable
    (an infrastructure fault) for the task to retry.
    """
    submission = Submission.objects.select_related("exercise").filter(pk=submission_id).first()
    if submission is None or submission.status == Submission.Status.DONE:
        return submission
    # Counted in the database (F), not from the row read above: two deliveries of one id
    # at once must count two. At the cap, a submission that keeps killing its worker gets
    # an error verdict here instead of being graded (and redelivered) again.
    claimed = (
        Submission.objects.filter(pk=submission_id, delivery_count__lt=MAX_DELIVERIES)
        .exclude(status=Submission.Status.DONE)
        .update(
            status=Submission.Status.RUNNING,
            started_at=timezone.now(),
            delivery_count=F("delivery_count") + 1,
        )
    )
    if not claimed:
        _record(submission, GAVE_UP, version=submission.exercise_version)
        submission.refresh_from_db()
        return submission
    exercise = submission.exercise
    try:
        outcome = exercise_grade_source(
            exercise=exercise,
            source=submission.source_code,
            visible_only=submission.mode == Submission.Mode.RUN,
        )
    except ExerciseBroken as exc:
        logger.error("Exercise %s is broken: %s", exercise.slug, exc)
        outcome = GradeOutcome(verdict=Submission.Verdict.ERROR, score=0.0, message=BROKEN_MESSAGE)
    _record(submission, outcome, version=exercise.content_hash)
    submission.refresh_from_db()
    return submission


def _record(submission: Submission, outcome: GradeOutcome, *, version: str) -> bool:
    first_verdict = submission.graded_at is None
    with transaction.atomic():
        recorded = (
            Submission.objects.filter(pk=submission.pk)
            .exclude(status=Submission.Status.DONE)
            .update(
                status=Submission.Status.DONE,
                verdict=outcome.verdict,
                score=outcome.score,
                # Learner-derived text is cleaned so that saving can never fail on it.
                cases=storable_json(outcome.cases_as_dicts()),
                message=storable_text(outcome.message, limit=8000),
                stdout=storable_text(outcome.stdout, limit=8192),
                warning=storable_text(outcome.warning),
                matched_mistake=storable_text(outcome.matched_mistake, limit=80),
                exercise_version=version,
                graded_at=timezone.now(),
            )
        )
        if recorded:
            # After commit: a woken client must find the verdict when it reads the row.
            pk = submission.pk
            transaction.on_commit(lambda: verdict_announce(submission_id=pk))
        if recorded and submission.mode == Submission.Mode.SUBMIT:
            if first_verdict:
                progress_record_attempt(
                    learner_id=submission.learner_id,
                    exercise_id=submission.exercise_id,
                    score=outcome.score,
                )
            else:
                progress_refresh(
                    learner_id=submission.learner_id, exercise_id=submission.exercise_id
                )
    return bool(recorded)


def submission_sweep_stuck(*, older_than_seconds: float | None = None) -> int:
    """Re-send submissions never sent, or queued or running for too long; give up after
    MAX_DELIVERIES.

    Covers a broker that was down at submit time (those were never sent: `enqueued_at` is
    empty, and they go at the first sweep after the broker is back) and a worker killed
    mid-grading. A re-sent submission that was in fact still being graded is harmless:
    the first verdict wins.
    """
    seconds = settings.GRADER_STUCK_SECONDS if older_than_seconds is None else older_than_seconds
    long_seconds = max(seconds, settings.GRADER_LONG_STUCK_SECONDS)
    if older_than_seconds is not None:
        long_seconds = older_than_seconds
    # A training run legitimately runs for minutes: its submissions have a cutoff of their own.
    long = Q(exercise__wall_seconds__gt=settings.GRADER_WALL_SECONDS) | ~Q(
        exercise__trained_model={}
    )
    stuck = Submission.objects.filter(
        (_stuck_since(timezone.now() - timedelta(seconds=seconds)) & ~long)
        | (_stuck_since(timezone.now() - timedelta(seconds=long_seconds)) & long)
    ).order_by("created_at")[:500]
    resent = 0
    for submission in stuck:
        if submission.delivery_count >= MAX_DELIVERIES:
            _record(submission, GAVE_UP, version=submission.exercise_version)
            continue
        # Conditional on the status we read, so a verdict recorded meanwhile is not undone.
        claimed = Submission.objects.filter(pk=submission.pk, status=submission.status).update(
            status=Submission.Status.QUEUED, enqueued_at=timezone.now(), started_at=None
        )
        if claimed and submission_enqueue(submission_id=submission.pk):
            resent += 1
    return resent


def _stuck_since(cutoff) -> Q:
    return (
        Q(status=Submission.Status.QUEUED, enqueued_at__lt=cutoff)
        # Never sent (the broker was down at submit time): at the next sweep, whatever the age.
        | Q(status=Submission.Status.QUEUED, enqueued_at__isnull=True)
        | Q(status=Submission.Status.RUNNING, started_at__lt=cutoff)
    )


def submission_regrade(*, exercise: Exercise) -> int:
    """Re-queue the latest submit of every learner for `exercise` (after an exercise fix)."""
    submits = Submission.objects.filter(exercise=exercise, mode=Submission.Mode.SUBMIT)
    # The database picks each learner's latest row: no submission history is loaded here.
    latest = submits.filter(learner=OuterRef("learner")).order_by("-created_at", "-pk")
    latest_ids = list(
        submits.order_by()
        .values("learner")
        .distinct()
        .annotate(latest=Subquery(latest.values("pk")[:1]))
        .values_list("latest", flat=True)
    )
    Submission.objects.filter(pk__in=latest_ids).update(
        status=Submission.Status.QUEUED,
        verdict="",
        score=None,
        cases=[],
        message="",
        stdout="",
        matched_mistake="",
        started_at=None,
        enqueued_at=timezone.now(),
    )
    for pk in latest_ids:
        transaction.on_commit(lambda pk=pk: submission_enqueue(submission_id=pk))
    return len(latest_ids)
