"""Writes for lesson code runs: create a run (and wake a worker), record its outcome.

The code itself never runs here: a Celery task (grader.run_lesson_block) takes the run's
id, re-reads the lesson text and runs the block in the sandbox (grader/lesson_runs.py).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from lessons.codeblocks import python_blocks
from lessons.figures import FigureInfo
from lessons.models import Lesson, LessonRun, LessonRunFigure

logger = logging.getLogger(__name__)

RUN_TASK = "grader.run_lesson_block"
RUN_QUEUE = "grading"


class RunRefused(Exception):
    """A run that cannot be created; `status` is the HTTP status that fits."""

    status = 400


class BlockNotFound(RunRefused):
    status = 404


class BlockNotRunnable(RunRefused):
    status = 400


class SourceTooLarge(RunRefused):
    status = 413


class SourceInvalid(RunRefused):
    status = 400


def lesson_run_check(*, lesson: Lesson, block: int, source: str) -> None:
    """Raise a `RunRefused` subclass naming the problem if this run cannot be created."""
    blocks = python_blocks(lesson.body)
    if not 1 <= block <= len(blocks):
        raise BlockNotFound(f"This lesson has no Python block {block} (it has {len(blocks)}).")
    if not blocks[block - 1].runnable:
        raise BlockNotRunnable(f"Block {block} of this lesson is marked not to be run.")
    size = len(source.encode("utf-8", "surrogatepass"))
    if size > settings.LESSON_RUN_MAX_BYTES:
        raise SourceTooLarge(
            f"The code is {size:,} bytes; a lesson block may be at most "
            f"{settings.LESSON_RUN_MAX_BYTES:,} bytes."
        )
    if not source.strip():
        raise SourceInvalid("The block is empty: there is nothing to run.")
    # Neither can be stored as text (PostgreSQL refuses NUL; a lone surrogate is not UTF-8).
    if "\x00" in source:
        raise SourceInvalid("The code contains a NUL character: remove it and run again.")
    try:
        source.encode("utf-8")
    except UnicodeEncodeError:
        raise SourceInvalid("The code is not valid Unicode text.") from None


def lesson_run_create(
    *, learner: AbstractBaseUser, lesson: Lesson, block: int, source: str
) -> LessonRun:
    """Store a queued run of block `block` (1-based) of `lesson`, then send the task.

    Raises a `RunRefused` subclass naming the problem (nothing is written).
    """
    lesson_run_check(lesson=lesson, block=block, source=source)
    with transaction.atomic():
        run = LessonRun.objects.create(learner=learner, lesson=lesson, block=block, source=source)
        _prune(learner)
        transaction.on_commit(lambda: lesson_run_enqueue(run_id=run.pk))
    return run


def _prune(learner: AbstractBaseUser) -> None:
    """Keep only the learner's newest runs: they are scratch work, not a record."""
    keep = list(
        LessonRun.objects.filter(learner=learner)
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)[: settings.LESSON_RUNS_KEPT]
    )
    if len(keep) >= settings.LESSON_RUNS_KEPT:
        LessonRun.objects.filter(learner=learner).exclude(pk__in=keep).delete()


def lesson_run_enqueue(*, run_id: int) -> bool:
    """Send the run's task by name; return False (and log) if the broker is down."""
    from celery import current_app

    try:
        current_app.send_task(
            RUN_TASK,
            args=[run_id],
            queue=RUN_QUEUE,
            retry=True,
            retry_policy={"max_retries": 1, "interval_start": 0.2},
        )
    except Exception as exc:  # kombu raises many types for "broker unreachable"
        logger.warning("Lesson run %s not sent: broker unavailable (%s)", run_id, exc)
        lesson_run_finish(
            run_id=run_id,
            outcome=LessonRun.Outcome.UNAVAILABLE,
            message="The code runner is unavailable right now; please try again in a minute.",
        )
        return False
    return True


def lesson_run_start(*, run_id: int) -> bool:
    """Mark a queued run as running; False if it was already finished."""
    LessonRun.objects.filter(pk=run_id, status=LessonRun.Status.QUEUED).update(
        status=LessonRun.Status.RUNNING
    )
    return LessonRun.objects.filter(pk=run_id).exclude(status=LessonRun.Status.DONE).exists()


def lesson_run_finish(
    *,
    run_id: int,
    outcome: str,
    output: str = "",
    error: str = "",
    message: str = "",
    wall_ms: float | None = None,
    figures: list[tuple[bytes, FigureInfo]] = (),
) -> bool:
    """Record a run's outcome once (the first finisher wins); return whether it wrote."""
    with transaction.atomic():
        updated = (
            LessonRun.objects.filter(pk=run_id)
            .exclude(status=LessonRun.Status.DONE)
            .update(
                status=LessonRun.Status.DONE,
                outcome=outcome,
                output=_clean(output),
                error=_clean(error),
                message=_clean(message),
                wall_ms=wall_ms,
                finished_at=timezone.now(),
            )
        )
        if updated:
            LessonRunFigure.objects.bulk_create(
                LessonRunFigure(
                    run_id=run_id, position=position, png=png, width=info.width, height=info.height
                )
                for position, (png, info) in enumerate(figures, start=1)
            )
    return bool(updated)


def _clean(text: str) -> str:
    # Sandbox text can hold NUL and lone surrogates: PostgreSQL refuses the first, UTF-8
    # the second.
    return (text or "").replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")
