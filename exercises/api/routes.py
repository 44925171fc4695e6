"""The API, described once: each route's path, view and documented operations.

urls.py builds the urlconf from ROUTES and openapi.py builds /api/openapi.json from the
same ROUTES, so a route cannot be served without being documented. Who may call a route is
declared once, on its view (`api_view(..., auth=Auth.…)`); the document reads it from there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from exercises.api.views import (
    client,
    courses,
    exercises,
    lesson_runs,
    lessons,
    meta,
    progress,
    submissions,
)


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    schema: dict
    required: bool = False


@dataclass(frozen=True)
class Operation:
    method: str
    operation_id: str
    summary: str
    response: str  # component schema of the success body
    status: int = 200
    description: str = ""
    query: tuple[Param, ...] = ()
    body: str | None = None  # component schema of the request body
    errors: tuple[int, ...] = (401, 404)
    headers: dict[str, str] = field(default_factory=dict)  # success response headers
    media_type: str = "application/json"  # other types answer a plain string


@dataclass(frozen=True)
class Route:
    path: str  # a django.urls.path() pattern, relative to /api/
    name: str
    view: Callable
    operations: tuple[Operation, ...]
    path_params: dict[str, str] = field(default_factory=dict)  # name: description


COURSE_SLUG = {"slug": "The course's slug."}

ROUTES: tuple[Route, ...] = (
    Route(
        "openapi.json",
        "openapi",
        meta.openapi,
        (
            Operation(
                "get",
                "openapi",
                "This document: the API's OpenAPI 3.1 description",
                "OpenApiDocument",
                errors=(401,),
            ),
        ),
    ),
    Route(
        "client.py",
        "client_script",
        client.client_script,
        (
            Operation(
                "get",
                "getClient",
                "The command-line client: one Python file, standard library only",
                "",
                media_type="text/x-python",
                errors=(401,),
                description="Save it and run `python client.py submit SLUG FILE --url URL "
                "--token TOKEN`; see docs/api.md.",
            ),
        ),
    ),
    Route(
        "courses/",
        "course_list",
        courses.course_list,
        (
            Operation(
                "get", "listCourses", "List the published courses", "CourseList", errors=(401,)
            ),
        ),
    ),
    Route(
        "courses/<slug:slug>/",
        "course_detail",
        courses.course_detail,
        (
            Operation(
                "get",
                "getCourse",
                "A course with its stages, and each stage's lessons and exercises in order",
                "CourseDetail",
            ),
        ),
        COURSE_SLUG,
    ),
    Route(
        "lessons/<slug:course>/<slug:slug>/",
        "lesson_detail",
        lessons.lesson_detail,
        (
            Operation(
                "get", "getLesson", "A lesson, its Markdown body and its exercises", "LessonDetail"
            ),
        ),
        {"course": "The course's slug.", "slug": "The lesson's slug within the course."},
    ),
    Route(
        "lessons/<slug:course>/<slug:slug>/runs/",
        "lesson_run_create",
        lesson_runs.lesson_run_create_view,
        (
            Operation(
                "post",
                "createLessonRun",
                "Run one of a lesson's Python blocks (perhaps edited) in the sandbox",
                "LessonRunDetail",
                status=202,
                body="LessonRunCreate",
                errors=(400, 401, 403, 404, 413, 429),
                headers={"Location": "The run's URL, to poll until `status` is `done`."},
                description="The block runs after the lesson's own earlier blocks (as written "
                "in the lesson, never as sent), with their output discarded; poll "
                "`GET /api/lesson-runs/{id}/` until `status` is `done`. 404 for a block number "
                "the lesson does not have, 400 for a block marked `norun`, 413 past "
                "LESSON_RUN_MAX_BYTES. Rate limited per learner (429 with Retry-After).",
            ),
        ),
        {"course": "The course's slug.", "slug": "The lesson's slug within the course."},
    ),
    Route(
        "lesson-runs/<int:pk>/",
        "lesson_run_detail",
        lesson_runs.lesson_run_detail,
        (
            Operation(
                "get",
                "getLessonRun",
                "One of one's own lesson runs, with its output and figures once done",
                "LessonRunDetail",
                description="Another learner's run answers 404, as an unknown id does.",
            ),
        ),
        {"pk": "The run's id."},
    ),
    Route(
        "lesson-runs/<int:pk>/figures/<int:position>.png",
        "lesson_run_figure",
        lesson_runs.lesson_run_figure,
        (
            Operation(
                "get",
                "getLessonRunFigure",
                "A figure a lesson run drew (PNG, checked before it was stored)",
                "",
                media_type="image/png",
            ),
        ),
        {"pk": "The run's id.", "position": "The figure's number, from 1."},
    ),
    Route(
        "exercises/<slug:slug>/",
        "exercise_detail",
        exercises.exercise_detail,
        (
            Operation(
                "get",
                "getExercise",
                "An exercise: statement, starter code and grading contract",
                "ExerciseDetail",
                description="Never includes the reference solution, cases.py, the hidden cases "
                "or the known-wrong solutions.",
            ),
        ),
        {"slug": "The exercise's slug (global)."},
    ),
    Route(
        "exercises/<slug:slug>/submissions/",
        "submission_create",
        submissions.submission_create,
        (
            Operation(
                "post",
                "createSubmission",
                "Submit code for grading",
                "SubmissionDetail",
                status=202,
                body="SubmissionCreate",
                errors=(400, 401, 403, 404, 409, 413, 429),
                headers={"Location": "The submission's URL, to poll until `status` is `done`."},
                description="Stores the submission and queues it for grading; poll "
                "`GET /api/submissions/{id}/` until `status` is `done`. `mode: run` grades only "
                "the visible cases and does not count as an attempt. Rate limited per learner "
                "(429 with Retry-After). An exercise graded by training a model (each case a "
                "training run) takes one submission per learner at a time: 409 while the "
                "previous one is still being graded. Session-authenticated requests need a "
                "CSRF token (X-CSRFToken header); token requests do not.",
            ),
        ),
        {"slug": "The exercise's slug."},
    ),
    Route(
        "submissions/",
        "submission_list",
        submissions.submission_list,
        (
            Operation(
                "get",
                "listSubmissions",
                "List one's own submissions, newest first",
                "SubmissionList",
                errors=(400, 401, 404),
                query=(
                    Param(
                        "exercise",
                        "Only submissions to this exercise (slug); 404 if there "
                        "is no such published exercise.",
                        {"type": "string"},
                    ),
                    Param(
                        "limit",
                        "Page size.",
                        {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                    ),
                    Param(
                        "before",
                        "Only submissions with a smaller id (the `next` link sets it).",
                        {"type": "integer", "minimum": 1},
                    ),
                ),
            ),
        ),
    ),
    Route(
        "submissions/<int:pk>/",
        "submission_detail",
        submissions.submission_detail,
        (
            Operation(
                "get",
                "getSubmission",
                "One of one's own submissions, with its verdict once graded",
                "SubmissionDetail",
                errors=(400, 401, 404),
                description="Another learner's submission answers 404, as an unknown id does. "
                "With `wait`, the answer comes the moment the verdict is recorded (or after "
                "`wait` seconds with the submission as it then is): no busy polling needed.",
                query=(
                    Param(
                        "wait",
                        "Long poll: wait up to this many seconds for the verdict (more than "
                        "the server's bound, 30 by default, means the bound).",
                        {"type": "number", "minimum": 0},
                    ),
                ),
            ),
        ),
        {"pk": "The submission's id."},
    ),
    Route(
        "progress/",
        "progress",
        progress.progress,
        (
            Operation(
                "get",
                "getProgress",
                "One's own progress per course, stage and exercise",
                "Progress",
                errors=(401, 404),
                query=(
                    Param(
                        "course",
                        "Only this course (slug); 404 if it is not published.",
                        {"type": "string"},
                    ),
                ),
            ),
        ),
    ),
)
