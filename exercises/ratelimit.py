"""Rate limits, shared by the HTML views and the API: submissions and runs (per learner and
per client address), draft autosaves (per learner) and sign-ups (per client address).

Each limit answers "seconds to wait" or None; the caller answers 429 with Retry-After (JSON
on the API and to the page's fetch() calls, a readable page otherwise). The counters live in
the cache (django-ratelimit); the client address comes from courseplatform.client_address.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage


def rate_wait(request: HttpRequest, *, group: str, key: str, rate: str) -> int | None:
    """Count one event for `key` ("user" or "ip") in `group`; seconds to wait if over `rate`."""
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    if usage and usage["should_limit"]:
        return max(1, int(usage["time_left"]))
    return None


def submission_throttle(request: HttpRequest) -> int | None:
    """Count one submission or run for the learner and for their address; return seconds to
    wait if either is over its limit. Per address as well, because a new account must not
    reset the limit (sign-ups are limited per address too)."""
    waits = [
        rate_wait(request, group="submissions", key="user", rate=settings.SUBMISSION_RATE),
        rate_wait(
            request,
            group="submissions-address",
            key="ip",
            rate=settings.SUBMISSION_RATE_PER_ADDRESS,
        ),
    ]
    return max((wait for wait in waits if wait is not None), default=None)


def draft_throttle(request: HttpRequest) -> int | None:
    """Count one draft autosave for the learner (the page saves after each pause in typing)."""
    return rate_wait(request, group="drafts", key="user", rate=settings.DRAFT_RATE)


def signup_throttle(request: HttpRequest) -> int | None:
    """Count one sign-up attempt for the client address."""
    return rate_wait(request, group="signups", key="ip", rate=settings.SIGNUP_RATE_PER_ADDRESS)
