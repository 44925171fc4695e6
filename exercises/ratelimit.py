"""The per-learner submission rate limit, shared by the HTML views and the API."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage


def submission_throttle(request: HttpRequest) -> int | None:
    """Count one submission for the request's user; return seconds to wait if over the limit."""
    usage = get_usage(
        request, group="submissions", key="user", rate=settings.SUBMISSION_RATE, increment=True
    )
    if usage and usage["should_limit"]:
        return max(1, int(usage["time_left"]))
    return None
