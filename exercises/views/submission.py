"""A submission's page and JSON status, and the submission history of an exercise."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from exercises.models import Exercise, Submission
from exercises.selectors import (
    exercise_published,
    submission_public_cases,
    submissions_visible_to,
)
from exercises.verdicts import verdict_wait, wait_seconds
from exercises.views._common import json_error, status_payload

HISTORY_PAGE_SIZE = 25


@require_safe
@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # Someone else's submission is a 404, not a 403: its existence is not revealed.
    submission = get_object_or_404(submissions_visible_to(request.user), pk=pk)
    context = {
        "submission": submission,
        "exercise": submission.exercise,
        "course": submission.exercise.stage.course,
        "cases": submission_public_cases(submission),
        "own": submission.learner_id == request.user.pk,
    }
    return render(request, "exercises/submission_detail.html", context)


@require_safe
def submission_status(request: HttpRequest, pk: int) -> JsonResponse:
    if not request.user.is_authenticated:
        return json_error("Log in to see this submission.", status=401)
    try:
        wait = wait_seconds(request.GET.get("wait"))
    except ValueError as exc:
        return json_error(str(exc), status=400)
    submission = get_object_or_404(submissions_visible_to(request.user), pk=pk)
    if wait and submission.status != Submission.Status.DONE:
        verdict_wait(submission_id=submission.pk, seconds=wait)
        submission.refresh_from_db()
    response = JsonResponse(status_payload(submission))
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@login_required
def submission_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The learner's own history for an exercise; staff see everyone's, or one learner's."""
    if request.user.is_staff:
        exercise = get_object_or_404(Exercise.objects.select_related("stage__course"), slug=slug)
    else:
        try:
            exercise = exercise_published(slug=slug)
        except Exercise.DoesNotExist:
            raise Http404("No such exercise.") from None

    submissions = submissions_visible_to(request.user).filter(exercise=exercise)
    shown_learner = None
    if request.user.is_staff:
        learner_id = request.GET.get("learner", "")
        if learner_id:
            if not learner_id.isdigit():
                raise Http404("No such learner.")
            shown_learner = get_object_or_404(get_user_model(), pk=int(learner_id))
            submissions = submissions.filter(learner=shown_learner)
    submissions = submissions.defer("source_code", "stdout", "message", "cases").order_by(
        "-created_at", "-pk"
    )
    page = Paginator(submissions, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "exercise": exercise,
        "course": exercise.stage.course,
        "page": page,
        "shown_learner": shown_learner,
        "show_learner_column": request.user.is_staff and shown_learner is None,
    }
    return render(request, "exercises/submission_list.html", context)
