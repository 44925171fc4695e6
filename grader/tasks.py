"""Celery tasks of the grader: thin wrappers that load the service and call it."""

import logging
import threading
import time

from celery import shared_task
from celery.signals import worker_process_init

from grader.sandbox import SandboxUnavailable

logger = logging.getLogger(__name__)


# A process that knows it cannot grade hands the task back at once (another process takes
# it); these bounces have their own, larger budget than the retries of real faults.
HAND_BACK_SECONDS = 1.0
HAND_BACK_RETRIES = 30


@shared_task(
    name="grader.grade_submission",  # explicit and stable: the web side sends it by name
    bind=True,
    acks_late=True,  # redeliver if a worker dies mid-grade...
    reject_on_worker_lost=True,  # ...safe only because the service is idempotent
    autoretry_for=(SandboxUnavailable,),  # infrastructure faults only
    retry_backoff=True,
    retry_backoff_max=30,
    max_retries=5,
    soft_time_limit=60,  # above the sandbox's own per-run wall clock (at most 2 x 10 s)
    time_limit=90,
)
def grade_submission(self, submission_id: int) -> None:
    """Grade one submission by id; idempotent."""
    _grade(self, submission_id)


@shared_task(
    name="grader.grade_submission_long",  # trained-model exercises: the grading-long queue
    bind=True,
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
def grade_submission_long(self, submission_id: int) -> None:
    """Grade one submission of a long-running exercise by id; idempotent."""
    _grade(self, submission_id)


def _grade(task, submission_id: int) -> None:
    from grader import services  # deferred: keeps worker start-up light

    sandbox = services.grader_options().sandbox()
    if sandbox.health.can_grade is False:
        # Known before touching the submission: no attempt counted, no exercise prepared.
        logger.warning("Handing submission %s back: %s", submission_id, sandbox.health.reason)
        raise task.retry(countdown=HAND_BACK_SECONDS, max_retries=HAND_BACK_RETRIES)
    try:
        services.submission_grade(submission_id=submission_id)
    except SandboxUnavailable as exc:
        _publish(sandbox)
        if exc.known:
            raise task.retry(
                exc=exc, countdown=HAND_BACK_SECONDS, max_retries=HAND_BACK_RETRIES
            ) from exc
        raise


@shared_task(
    name="grader.validate_exercise",  # explicit: the admin sends it by name
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,  # safe: a finished validation is kept, a rerun is harmless
    max_retries=3,
    soft_time_limit=300,  # author jobs, then the reference, starter and every wrong solution
    time_limit=330,
)
def validate_exercise(self, validation_id: int) -> None:
    """Validate one exercise version by validation id; idempotent."""
    _validate(self, validation_id, "5 minutes")


@shared_task(
    name="grader.validate_exercise_long",  # a trained-model exercise: on grading-long
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=3,
    # Every case of the reference, starter and wrong solutions is a training run (up to a
    # minute of CPU each), and the reference trains again with more seeds.
    soft_time_limit=3600,
    time_limit=3660,
)
def validate_exercise_long(self, validation_id: int) -> None:
    """Validate one long-running exercise version by validation id; idempotent."""
    _validate(self, validation_id, "an hour")


def _validate(task, validation_id: int, limit_text: str) -> None:
    from celery.exceptions import SoftTimeLimitExceeded

    from grader import validation

    try:
        validation.exercise_validation_run(validation_id=validation_id)
    except SandboxUnavailable as exc:
        if task.request.retries >= task.max_retries:
            validation.exercise_validation_fail(
                validation_id=validation_id, error=f"The sandbox is unavailable: {exc}"
            )
            return
        raise task.retry(exc=exc, countdown=2 ** (task.request.retries + 1)) from exc
    except SoftTimeLimitExceeded:
        validation.exercise_validation_fail(
            validation_id=validation_id,
            error=f"The validation took longer than {limit_text} and was stopped.",
        )


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
    """Start this pool process's zygote (numpy and torch imported) before the first job,
    publish whether it can grade, then keep reporting (and re-checking a process that
    cannot grade) on a heartbeat.

    In a thread: Celery kills a pool process whose init takes more than a few seconds, and
    a cold torch import can come close on a busy machine.
    """
    threading.Thread(target=_health_loop, name="sandbox-health", daemon=True).start()


def _health_loop() -> None:
    from grader.health import HEARTBEAT_SECONDS, warm_up_turn
    from grader.services import grader_options

    sandbox = grader_options().sandbox()
    _publish(sandbox)  # "starting": the process exists, its sandbox is on its way
    started = time.monotonic()
    try:
        with warm_up_turn():
            turn = time.monotonic()
            sandbox.start()
    except Exception:  # noqa: BLE001 - the heartbeat must survive to report it
        logger.exception("The sandbox start crashed")
        turn = started
    if sandbox.health.can_grade is False:
        logger.error("This worker cannot grade: %s", sandbox.health.reason)
    else:
        logger.info(
            "Sandbox ready: waited %.1f s for the warm-up turn, then %.1f s (self-tests: %s)",
            turn - started,
            time.monotonic() - turn,
            sandbox.health.attempts,
        )
    while True:
        _publish(sandbox)
        time.sleep(HEARTBEAT_SECONDS)
        if sandbox.health.can_grade is False:
            sandbox.recheck()


def _publish(sandbox) -> None:
    from grader.health import worker_health_publish

    worker_health_publish(health=sandbox.health)
