"""The per-learner rate limit of lesson code runs, shared by the page's views and the API."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage


def lesson_run_throttle(request: HttpRequest) -> int | None:
    """Count one run for the request's user; return seconds to wait if over the limit."""
    usage = get_usage(
        request, group="lesson-runs", key="user", rate=settings.LESSON_RUN_RATE, increment=True
    )
    if usage and usage["should_limit"]:
        return max(1, int(usage["time_left"]))
    return None
