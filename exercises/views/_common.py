"""Helpers shared by the exercise views: JSON or HTML answers, and the status payload."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from exercises.models import Submission
from exercises.templatetags.exercise_ui import verdict_headline


def wants_json(request: HttpRequest) -> bool:
    """True for the page's fetch() calls, which ask for JSON; form posts ask for HTML."""
    return "application/json" in request.headers.get("Accept", "")


def json_error(message: str, *, status: int, **extra) -> JsonResponse:
    response = JsonResponse({"error": message, **extra}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def public_cases(submission: Submission) -> list[dict]:
    """The per-case results a learner may see: hidden cases keep only name and pass/fail.

    The grader already blanks hidden messages; this repeats it at the edge so that a
    mistake there cannot leak a hidden case's data onto a page.
    """
    cases = []
    for case in submission.cases if isinstance(submission.cases, list) else []:
        if not isinstance(case, dict):
            continue
        visible = case.get("visible") is True
        cases.append(
            {
                "name": str(case.get("name", "")),
                "visible": visible,
                "passed": case.get("passed") is True,
                "message": str(case.get("message") or "") if visible else "",
            }
        )
    return cases


def status_payload(submission: Submission) -> dict:
    done = submission.status == Submission.Status.DONE
    return {
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
        "cases": public_cases(submission) if done else [],
        "message": submission.message if done else "",
        "stdout": submission.stdout if done else "",
        "warning": submission.warning,
        "created_at": submission.created_at.isoformat() if submission.created_at else None,
        "detail_url": reverse("exercises:submission_detail", args=[submission.pk]),
        "status_url": reverse("exercises:submission_status", args=[submission.pk]),
    }
