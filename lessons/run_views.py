"""Running a lesson's code block from the page: create a run, follow it, show its figures.

Thin views: the checks and writes are in lessons/run_services.py; the code runs in the
sandbox through a Celery task. Every answer is JSON (the page's fetch calls), except a
figure, which is a PNG served only to the learner who ran the block.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from lessons.models import Lesson, LessonRun, LessonRunFigure
from lessons.ratelimit import lesson_run_throttle
from lessons.run_services import RunRefused, lesson_run_check, lesson_run_create
from lessons.selectors import courses_published, lesson_published_in

# A figure is an image, never a document (as lessons.views.FIGURE_CSP).
FIGURE_CSP = "default-src 'none'; sandbox"


def _json(payload: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(payload, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _error(message: str, *, status: int, **extra) -> JsonResponse:
    return _json({"error": message, **extra}, status=status)


def _lesson_or_404(course_slug: str, lesson_slug: str) -> Lesson:
    course = get_object_or_404(courses_published(), slug=course_slug)
    try:
        return lesson_published_in(course=course, slug=lesson_slug)
    except Lesson.DoesNotExist:
        raise Http404("No such lesson.") from None


@require_POST
def lesson_run_create_view(
    request: HttpRequest, course_slug: str, lesson_slug: str
) -> JsonResponse:
    if not request.user.is_authenticated:
        return _error("Log in to run the lesson's code.", status=401)
    lesson = _lesson_or_404(course_slug, lesson_slug)
    try:
        block = int(request.POST.get("block", ""))
    except ValueError:
        return _error("Say which block to run: `block` must be a number.", status=400)
    source = request.POST.get("source")
    if source is None:
        return _error("The code to run (`source`) is missing.", status=400)
    try:
        lesson_run_check(lesson=lesson, block=block, source=source)
    except RunRefused as exc:
        return _error(str(exc), status=exc.status)
    # Counted only for well-formed requests: a stale page must not cost the learner runs.
    wait = lesson_run_throttle(request)
    if wait is not None:
        response = _error(
            f"You are running code faster than the platform allows: wait {wait} s.",
            status=429,
            retry_after=wait,
        )
        response["Retry-After"] = str(wait)
        return response
    try:
        run = lesson_run_create(learner=request.user, lesson=lesson, block=block, source=source)
    except RunRefused as exc:
        return _error(str(exc), status=exc.status)
    return _json(run_payload(run, figures=[]), status=202)


def _own_run(request: HttpRequest, pk: int) -> LessonRun:
    # Another learner's run is a 404, as an unknown id is: its existence is not revealed.
    return get_object_or_404(LessonRun.objects.filter(learner=request.user), pk=pk)


@require_safe
def lesson_run_status(request: HttpRequest, pk: int) -> JsonResponse:
    if not request.user.is_authenticated:
        return _error("Log in to see this run.", status=401)
    run = _own_run(request, pk)
    figures = list(run.figures.only("run_id", "position", "width", "height"))
    return _json(run_payload(run, figures=figures))


@require_safe
def lesson_run_figure(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return _error("Log in to see this figure.", status=401)
    run = _own_run(request, pk)
    figure = get_object_or_404(LessonRunFigure.objects.filter(run=run), position=position)
    response = HttpResponse(bytes(figure.png), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = FIGURE_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response


def run_payload(run: LessonRun, *, figures: list[LessonRunFigure]) -> dict:
    done = run.status == LessonRun.Status.DONE
    return {
        "id": run.pk,
        "block": run.block,
        "status": run.status,
        "done": done,
        "outcome": run.outcome if done else "",
        "outcome_label": run.get_outcome_display() if done and run.outcome else "",
        "output": run.output if done else "",
        "error": run.error if done else "",
        "message": run.message if done else "",
        "wall_ms": round(run.wall_ms, 1) if done and run.wall_ms is not None else None,
        "figures": [
            {
                "url": reverse("lessons:lesson_run_figure", args=[run.pk, figure.position]),
                "width": figure.width,
                "height": figure.height,
            }
            for figure in figures
        ],
        "status_url": reverse("lessons:lesson_run_status", args=[run.pk]),
    }
