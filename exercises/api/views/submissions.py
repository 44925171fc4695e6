from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from exercises.api import selectors, serialize
from exercises.api.http import ApiError, Auth, api_view, json_response, read_json_object
from exercises.models import Exercise, Submission
from exercises.ratelimit import submission_throttle
from exercises.services import (
    SubmissionTooLarge,
    TrainingRunPending,
    source_check_size,
    submission_submit,
)
from exercises.verdicts import verdict_wait, wait_seconds

SUBMISSION_FIELDS = ("source_code", "mode")
DEFAULT_PAGE, MAX_PAGE = 20, 100
MAX_ID = 2**63 - 1  # a larger number would overflow the database's bigint, not match nothing


@api_view("POST", auth=Auth.LEARNER)
def submission_create(request: HttpRequest, slug: str) -> JsonResponse:
    exercise = selectors.exercise_for_api(slug=slug)
    source_code, mode = _parse_submission(read_json_object(request))
    try:
        source_check_size(source_code)
    except SubmissionTooLarge as exc:
        raise ApiError(413, str(exc)) from None
    # Counted only for well-formed requests: a typo in the JSON must not cost an attempt.
    wait = submission_throttle(request)
    if wait is not None:
        raise ApiError(
            429,
            f"too many submissions: try again in {wait} s",
            headers={"Retry-After": str(wait)},
            retry_after=wait,
        )
    try:
        submission = submission_submit(
            learner=request.user, exercise=exercise, source_code=source_code, mode=mode
        )
    except TrainingRunPending as exc:
        raise ApiError(409, str(exc)) from None
    submission.exercise = exercise
    return json_response(
        serialize.submission_detail(request, submission),
        status=202,
        headers={"Location": reverse("api:submission_detail", args=[submission.pk])},
    )


def _parse_submission(data: dict) -> tuple[str, str]:
    unknown = sorted(set(data) - set(SUBMISSION_FIELDS))
    if unknown:
        raise ApiError(
            400, f"unknown fields {unknown} (expected: source_code, mode)", field=unknown[0]
        )
    if "source_code" not in data:
        raise ApiError(400, "missing field 'source_code'", field="source_code")
    source_code = data["source_code"]
    if not isinstance(source_code, str):
        raise ApiError(400, "'source_code' must be a string", field="source_code")
    if not source_code.strip():
        raise ApiError(400, "'source_code' is empty", field="source_code")
    # Neither can be stored as text (PostgreSQL rejects NUL; a lone surrogate is not UTF-8).
    if "\x00" in source_code:
        raise ApiError(400, "'source_code' contains a NUL character", field="source_code")
    try:
        source_code.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(
            400, "'source_code' is not valid Unicode text", field="source_code"
        ) from None
    mode = data.get("mode", Submission.Mode.SUBMIT)
    if mode not in Submission.Mode.values:
        raise ApiError(400, f"'mode' must be one of {Submission.Mode.values}", field="mode")
    return source_code, mode


@api_view("GET", auth=Auth.LEARNER)
def submission_list(request: HttpRequest) -> JsonResponse:
    submissions = selectors.own_submissions(learner=request.user).order_by("-pk")
    slug = request.GET.get("exercise")
    if slug is not None:
        # Unpublished and unknown answer alike: the filter must not reveal what exists.
        if not Exercise.objects.published().filter(slug=slug).exists():
            raise ApiError(404, f"no published exercise {slug!r}")
        submissions = submissions.filter(exercise__slug=slug)
    limit = _int_param(request, "limit", DEFAULT_PAGE, low=1, high=MAX_PAGE)
    before = _int_param(request, "before", None, low=1, high=MAX_ID)
    if before is not None:
        submissions = submissions.filter(pk__lt=before)
    page = list(submissions.defer("source_code", "cases", "stdout", "message")[: limit + 1])
    next_url = None
    if len(page) > limit:
        page = page[:limit]
        query = request.GET.copy()
        query["before"] = str(page[-1].pk)
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return json_response(
        {
            "results": [serialize.submission_summary(request, item) for item in page],
            "next": next_url,
        }
    )


def _int_param(request: HttpRequest, name: str, default, *, low: int, high: int):
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit() and low <= int(raw) <= high):
        raise ApiError(400, f"'{name}' must be an integer from {low} to {high}", field=name)
    return int(raw)


@api_view("GET", auth=Auth.LEARNER)
def submission_detail(request: HttpRequest, pk: int) -> JsonResponse:
    try:
        wait = wait_seconds(request.GET.get("wait"))
    except ValueError as exc:
        raise ApiError(400, str(exc), field="wait") from None
    # Another learner's submission is "not found", never "forbidden": ids reveal nothing.
    submission = selectors.own_submissions(learner=request.user).get(pk=pk)
    if wait and submission.status != Submission.Status.DONE:
        verdict_wait(submission_id=submission.pk, seconds=wait)
        submission.refresh_from_db()
    return json_response(serialize.submission_detail(request, submission))
