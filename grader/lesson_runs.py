"""Run a learner's lesson code block in the sandbox and record what it printed and drew.

The Celery task (grader.run_lesson_block) calls `lesson_run_execute` with the run's id.
The blocks the run builds on are re-read from the lesson text in the database; the code
runs only in the sandbox (grader/sandbox/lessonrun.py), never in this process. Figures
come back as bytes and are checked here, on the trusted side, with the same checks as a
lesson's own figures (lessons.figures.figure_check) before they are stored.
"""

from __future__ import annotations

from django.conf import settings

from grader.sandbox import Limits
from grader.sandbox.lessonrun import LessonRunResult, run_lesson_block
from grader.services import grader_options
from lessons.codeblocks import python_blocks, run_context
from lessons.figures import FigureError, FigureInfo, figure_check
from lessons.models import LessonRun
from lessons.run_services import lesson_run_finish, lesson_run_start

GONE = "This block is no longer in the lesson (the lesson changed): reload the page."
UNAVAILABLE = "The code runner is unavailable right now; please try again in a minute."


def lesson_limits() -> Limits:
    return Limits(
        wall_seconds=settings.LESSON_RUN_WALL_SECONDS,
        cpu_seconds=min(settings.LESSON_RUN_CPU_SECONDS, settings.LESSON_RUN_WALL_SECONDS),
        memory_mb=settings.LESSON_RUN_MEMORY_MB,
        threads=settings.GRADER_THREADS,
    )


def lesson_run_execute(*, run_id: int) -> None:
    """Run and record one lesson run; idempotent. Raises SandboxUnavailable to be retried."""
    run = LessonRun.objects.select_related("lesson").filter(pk=run_id).first()
    if run is None or not lesson_run_start(run_id=run_id):
        return
    blocks = python_blocks(run.lesson.body)
    if not 1 <= run.block <= len(blocks) or not blocks[run.block - 1].runnable:
        lesson_run_finish(run_id=run_id, outcome=LessonRun.Outcome.UNAVAILABLE, message=GONE)
        return
    context = run_context(blocks, run.block)
    result = run_lesson_block(
        grader_options().sandbox(),
        context=[(block.number, block.source) for block in context],
        number=run.block,
        source=run.source,
        limits=lesson_limits(),
    )
    figures, notes = checked_figures(result)
    outcome, error, message = describe(result)
    lesson_run_finish(
        run_id=run_id,
        outcome=outcome,
        output=result.output,
        error=error,
        message=" ".join(filter(None, [message, *notes])),
        wall_ms=result.wall_ms,
        figures=figures,
    )


def lesson_run_give_up(*, run_id: int) -> None:
    """After the last retry of an infrastructure fault: tell the learner, keep nothing."""
    lesson_run_finish(run_id=run_id, outcome=LessonRun.Outcome.UNAVAILABLE, message=UNAVAILABLE)


def checked_figures(result: LessonRunResult) -> tuple[list[tuple[bytes, FigureInfo]], list[str]]:
    """The figures that pass the checks, and a note for each one that does not."""
    figures, notes = [], []
    for position, png in enumerate(result.figures, start=1):
        try:
            figures.append((png, figure_check(f"figure-{position}.png", png)))
        except FigureError as exc:
            notes.append(f"Figure {position} is not shown: {exc}.")
    if result.omitted_figures:
        shown = len(result.figures)
        notes.append(f"Only the first {shown} figures are shown ({result.omitted_figures} more).")
    return figures, notes


def describe(result: LessonRunResult) -> tuple[str, str, str]:
    """(outcome, traceback text, message) for the page."""
    if result.status != "ok":
        return result.status, "", _limit_message(result)
    if result.context_error is not None:
        failed = result.context_error
        message = (
            f"Block {failed['block']} of this lesson, which this block builds on, raised "
            f"{failed['type']}: {failed['message']}"
        )
        return LessonRun.Outcome.ERROR, failed["traceback"], message
    if result.error is not None:
        return LessonRun.Outcome.ERROR, result.error["traceback"] or result.error["type"], ""
    return LessonRun.Outcome.OK, "", ""


def _limit_message(result: LessonRunResult) -> str:
    # result.message is trusted text, decided from kernel evidence and the host's caps.
    if result.status == "timeout":
        return (
            f"Stopped: {result.message} (the limit covers the earlier blocks this one "
            "builds on, which run first)."
        )
    return f"Stopped: {result.message}."
