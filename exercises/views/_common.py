"""Helpers shared by the exercise views: JSON or HTML answers, and the status payload."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from exercises.case_diff import case_diff_context
from exercises.models import Submission
from exercises.selectors import submission_public_cases
from exercises.templatetags.exercise_ui import verdict_headline


def wants_json(request: HttpRequest) -> bool:
    """True for the page's fetch() calls, which ask for JSON; form posts ask for HTML."""
    return "application/json" in request.headers.get("Accept", "")


def json_error(message: str, *, status: int, **extra) -> JsonResponse:
    response = JsonResponse({"error": message, **extra}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _elapsed(submission: Submission) -> float | None:
    if submission.created_at is None:
        return None
    return round(max(0.0, (timezone.now() - submission.created_at).total_seconds()), 1)


def status_payload(submission: Submission) -> dict:
    done = submission.status == Submission.Status.DONE
    payload = {
        "id": submission.pk,
        "mode": submission.mode,
        "mode_label": submission.get_mode_display(),
        "status": submission.status,
        "done": done,
        "verdict": submission.verdict if done else "",
        "verdict_label": submission.get_verdict_display() if done else "",
        "status_label": submission.get_status_display(),
        "headline": verdict_headline(
            status=submission.status, verdict=submission.verdict, mode=submission.mode
        ),
        "score": submission.score if done else None,
        "cases": _with_diff_html(submission_public_cases(submission)) if done else [],
        "message": submission.message if done else "",
        "stdout": submission.stdout if done else "",
        "warning": submission.warning,
        "notice": submission.notice,
        "created_at": submission.created_at.isoformat() if submission.created_at else None,
        "detail_url": reverse("exercises:submission_detail", args=[submission.pk]),
        "status_url": reverse("exercises:submission_status", args=[submission.pk]),
    }
    if not done:
        # How long it has been waiting, by the server's clock: the page counts on from it.
        payload["elapsed_seconds"] = _elapsed(submission)
    return payload


def _with_diff_html(cases: list[dict]) -> list[dict]:
    """The page redraws a verdict from this JSON: give it the diff drawn by the template."""
    for case in cases:
        if case.get("diff"):
            case["diff_html"] = render_to_string(
                "exercises/includes/case_diff.html", {"d": case_diff_context(case["diff"])}
            )
    return cases
