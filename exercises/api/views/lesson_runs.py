"""Lesson code runs through the API: the same service, checks and rate limit as the page."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse

from exercises.api import selectors
from exercises.api.http import ApiError, Auth, api_view, json_response, read_json_object
from lessons.models import LessonRun, LessonRunFigure
from lessons.ratelimit import lesson_run_throttle
from lessons.run_services import RunRefused, lesson_run_check, lesson_run_create
from lessons.run_views import FIGURE_CSP

RUN_FIELDS = ("block", "source")


@api_view("POST", auth=Auth.LEARNER)
def lesson_run_create_view(request: HttpRequest, course: str, slug: str) -> JsonResponse:
    lesson = selectors.lesson_published(course_slug=course, slug=slug)
    block, source = _parse_run(read_json_object(request))
    try:
        lesson_run_check(lesson=lesson, block=block, source=source)
    except RunRefused as exc:
        raise ApiError(exc.status, str(exc)) from None
    # Counted only for well-formed requests, as submissions are.
    wait = lesson_run_throttle(request)
    if wait is not None:
        raise ApiError(
            429,
            f"too many lesson runs: try again in {wait} s",
            headers={"Retry-After": str(wait)},
            retry_after=wait,
        )
    try:
        run = lesson_run_create(learner=request.user, lesson=lesson, block=block, source=source)
    except RunRefused as exc:
        raise ApiError(exc.status, str(exc)) from None
    return json_response(
        run_detail(request, run, figures=[]),
        status=202,
        headers={"Location": reverse("api:lesson_run_detail", args=[run.pk])},
    )


def _parse_run(data: dict) -> tuple[int, str]:
    unknown = sorted(set(data) - set(RUN_FIELDS))
    if unknown:
        raise ApiError(400, f"unknown fields {unknown} (expected: block, source)", field=unknown[0])
    block, source = data.get("block"), data.get("source")
    if type(block) is not int:
        raise ApiError(400, "'block' must be an integer (1: the first Python block)", field="block")
    if not isinstance(source, str):
        raise ApiError(400, "'source' must be a string: the block's code", field="source")
    return block, source


@api_view("GET", auth=Auth.LEARNER)
def lesson_run_detail(request: HttpRequest, pk: int) -> JsonResponse:
    run = LessonRun.objects.select_related("lesson__course").get(learner=request.user, pk=pk)
    figures = list(run.figures.only("run_id", "position", "width", "height"))
    return json_response(run_detail(request, run, figures=figures))


@api_view("GET", auth=Auth.LEARNER)
def lesson_run_figure(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    figure = LessonRunFigure.objects.get(run__learner=request.user, run_id=pk, position=position)
    response = HttpResponse(bytes(figure.png), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = FIGURE_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response


def run_detail(request: HttpRequest, run: LessonRun, *, figures: list) -> dict:
    done = run.status == LessonRun.Status.DONE
    url = request.build_absolute_uri
    return {
        "id": run.pk,
        "course": run.lesson.course.slug,
        "lesson": run.lesson.slug,
        "block": run.block,
        "status": run.status,
        "outcome": run.outcome if done and run.outcome else None,
        "output": run.output if done else "",
        "error": run.error if done else "",
        "message": run.message if done else "",
        "wall_ms": run.wall_ms if done else None,
        "figures": [
            {
                "url": url(reverse("api:lesson_run_figure", args=[run.pk, f.position])),
                "width": f.width,
                "height": f.height,
            }
            for f in figures
        ],
        "created_at": run.created_at.isoformat() if run.created_at else None,
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "urls": {"self": url(reverse("api:lesson_run_detail", args=[run.pk]))},
    }
