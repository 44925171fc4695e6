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


@shared_task(
    name="grader.run_lesson_block",  # explicit: the web side sends it by name
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,  # safe: recording a run's outcome is first-finisher-wins
    autoretry_for=(SandboxUnavailable,),  # infrastructure faults only
    retry_backoff=True,
    retry_backoff_max=10,
    max_retries=2,
    soft_time_limit=60,  # above the sandbox's own wall clock (LESSON_RUN_WALL_SECONDS)
    time_limit=90,
    ignore_result=True,
)
def run_lesson_block(self, run_id: int) -> None:
    """Run one learner's lesson code block (by the run's id) in the sandbox."""
    from grader import lesson_runs

    try:
        lesson_runs.lesson_run_execute(run_id=run_id)
    except SandboxUnavailable:
        if self.request.retries >= self.max_retries:
            lesson_runs.lesson_run_give_up(run_id=run_id)
            logger.error("Lesson run %s: the sandbox stayed unavailable", run_id)
            return
        raise


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
