"""The exercise page, and the two writes it makes: a submission and a draft."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from exercises.forms import DraftForm, SubmissionForm
from exercises.models import Exercise
from exercises.ratelimit import draft_throttle, submission_throttle
from exercises.selectors import (
    exercise_editor_source,
    exercise_progress,
    exercise_visible_to,
    submission_history,
)
from exercises.services import (
    SubmissionTooLarge,
    TrainingRunPending,
    draft_save,
    submission_submit,
)
from exercises.views._common import json_error, status_payload, wants_json

HISTORY_ON_PAGE = 10


def _exercise_or_404(request: HttpRequest, slug: str) -> Exercise:
    # Staff may open, run and submit an unpublished exercise to preview it; learners 404.
    try:
        return exercise_visible_to(slug=slug, viewer=request.user)
    except Exercise.DoesNotExist:
        raise Http404("No such exercise.") from None


def _page(request: HttpRequest, exercise: Exercise, form: SubmissionForm, status: int = 200):
    lesson = exercise.lesson
    if lesson and not (lesson.is_published or request.user.is_staff):
        lesson = None
    history = []
    if request.user.is_authenticated:
        recent = submission_history(learner=request.user, exercise=exercise)
        history = list(recent[: HISTORY_ON_PAGE + 1])
    context = {
        "exercise": exercise,
        "course": exercise.stage.course,
        "stage": exercise.stage,
        "lesson": lesson,
        "form": form,
        "progress": exercise_progress(learner=request.user, exercise=exercise),
        "history": history[:HISTORY_ON_PAGE],
        "history_has_more": len(history) > HISTORY_ON_PAGE,
    }
    return render(request, "exercises/exercise_detail.html", context, status=status)


@require_safe
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = _exercise_or_404(request, slug)
    source = exercise_editor_source(learner=request.user, exercise=exercise)
    form = SubmissionForm(initial={"source_code": source})
    return _page(request, exercise, form)


def _duration(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"


def _rate_limited(request: HttpRequest, exercise: Exercise, wait: int, as_json: bool):
    message = (
        f"You are submitting faster than the grader allows: wait {_duration(wait)}, then try again."
    )
    if as_json:
        response = json_error(message, status=429, retry_after=wait)
    else:
        context = {"exercise": exercise, "message": message, "retry_after": wait}
        response = render(request, "exercises/rate_limited.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


@require_POST
def submission_create(request: HttpRequest, slug: str) -> HttpResponse:
    as_json = wants_json(request)
    exercise = _exercise_or_404(request, slug)
    if not request.user.is_authenticated:
        if as_json:
            return json_error("Log in to run or submit your code.", status=401)
        return redirect_to_login(reverse("exercises:exercise_detail", args=[slug]))

    wait = submission_throttle(request)
    if wait is not None:
        return _rate_limited(request, exercise, wait, as_json)

    form = SubmissionForm(request.POST)
    submission = None
    if form.is_valid():
        try:
            submission = submission_submit(
                learner=request.user,
                exercise=exercise,
                source_code=form.cleaned_data["source_code"],
                mode=form.cleaned_data["mode"],
            )
        except SubmissionTooLarge as exc:  # the form checks first; the service decides
            form.add_error("source_code", str(exc))
        except TrainingRunPending as exc:
            if as_json:
                return json_error(str(exc), status=409)
            form.add_error(None, str(exc))
    if submission is None:
        if as_json:
            errors = [str(error) for errors in form.errors.values() for error in errors]
            return json_error(" ".join(errors), status=400, errors=form.errors.get_json_data())
        return _page(request, exercise, form, status=400)

    if as_json:
        return JsonResponse(status_payload(submission), status=202)
    return redirect("exercises:submission_detail", pk=submission.pk)


@require_POST
def draft_autosave(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = _exercise_or_404(request, slug)
    if not request.user.is_authenticated:
        return json_error("Log in to keep drafts.", status=401)
    wait = draft_throttle(request)
    if wait is not None:
        response = json_error(
            f"saving too often: the next save in {wait} s", status=429, retry_after=wait
        )
        response["Retry-After"] = str(wait)
        return response
    form = DraftForm(request.POST)
    if not form.is_valid():
        errors = [str(error) for errors in form.errors.values() for error in errors]
        return json_error(" ".join(errors), status=400)
    try:
        draft = draft_save(
            learner=request.user, exercise=exercise, source_code=form.cleaned_data["source_code"]
        )
    except SubmissionTooLarge as exc:
        return json_error(str(exc), status=400)
    response = JsonResponse({"saved": True, "updated_at": draft.updated_at.isoformat()})
    response["Cache-Control"] = "no-store"
    return response
