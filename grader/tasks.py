"""Celery tasks of the grader: thin wrappers that load the service and call it."""

import logging
import threading

from celery import shared_task
from celery.signals import worker_process_init

from grader.sandbox import SandboxUnavailable

logger = logging.getLogger(__name__)


@shared_task(
    name="grader.grade_submission",  # explicit and stable: the web side sends it by name
    acks_late=True,  # redeliver if a worker dies mid-grade...
    reject_on_worker_lost=True,  # ...safe only because the service is idempotent
    autoretry_for=(SandboxUnavailable,),  # infrastructure faults only
    retry_backoff=True,
    retry_backoff_max=30,
    max_retries=5,
    soft_time_limit=60,  # above the sandbox's own per-run wall clock (at most 2 x 10 s)
    time_limit=90,
)
def grade_submission(submission_id: int) -> None:
    """Grade one submission by id; idempotent."""
    from grader import services  # deferred: keeps worker start-up light

    services.submission_grade(submission_id=submission_id)


@shared_task(name="grader.sweep_stuck_submissions", ignore_result=True)
def sweep_stuck_submissions() -> int:
    """Re-send submissions that stayed queued or running too long."""
    from grader import services

    return services.submission_sweep_stuck()


@worker_process_init.connect
def _warm_sandbox(**_kwargs) -> None:
    """Start this pool process's zygote (numpy and torch imported) before the first job.

    In a thread: Celery kills a pool process whose init takes more than a few seconds, and
    a cold torch import can come close on a busy machine.
    """

    def warm() -> None:
        from grader.services import grader_options

        try:
            grader_options().sandbox().selftest()
        except SandboxUnavailable as exc:
            logger.error("This worker cannot grade: %s", exc)

    threading.Thread(target=warm, name="sandbox-warm-up", daemon=True).start()


@shared_task(
    name="grader.grade_submission_long",  # trained-model exercises: the grading-long queue
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(SandboxUnavailable,),
    retry_backoff=True,
    retry_backoff_max=30,
    max_retries=5,
    # Above the sandbox's own limits: one job per case, each at most
    # GRADER_LONG_WALL_SECONDS (120 s by default), and a submit holds a few cases.
    soft_time_limit=900,
    time_limit=960,
)
def grade_submission_long(submission_id: int) -> None:
    """Grade one submission of a long-running exercise by id; idempotent."""
    from grader import services

    services.submission_grade(submission_id=submission_id)
