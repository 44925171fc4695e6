"""A cap on wrong passwords per client address, across all usernames.

django-axes locks one username out for one address; that alone would let one address try
a common password against every account ("password spraying"). This counts every failed
login of an address (Django's user_login_failed signal) and, over
LOGIN_FAILURES_PER_ADDRESS, refuses further logins from it before any password is checked:
the authentication backend below stops the chain, and the middleware answers the readable
429 page. The cap is well above what a classroom behind one address mistypes.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django_ratelimit.core import get_usage

GROUP = "login-failures-address"


def _usage(request: HttpRequest, *, increment: bool):
    return get_usage(
        request,
        group=GROUP,
        key="ip",
        rate=settings.LOGIN_FAILURES_PER_ADDRESS,
        increment=increment,
    )


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs) -> None:
    if request is not None:
        _usage(request, increment=True)


class AddressFailureCapBackend:
    """First in AUTHENTICATION_BACKENDS: refuses every login from an address over the cap."""

    def authenticate(self, request: HttpRequest | None, **credentials):
        if request is None:
            return None
        usage = _usage(request, increment=False)
        if usage and usage["count"] >= usage["limit"]:
            request.login_refused_for = max(1, int(usage["time_left"]))
            raise PermissionDenied  # no other backend checks the password
        return None

    # No get_user(): this backend never logs anyone in, so no session ever names it (and
    # test clients' force_login() picks the first backend that has one).


class AddressFailureCapMiddleware:
    """Turn a login refused by the cap into the 429 page (login and admin login alike)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        wait = getattr(request, "login_refused_for", None)
        if wait is None:
            return response
        from accounts.views import too_many_requests

        return too_many_requests(
            request,
            wait=wait,
            message="Too many wrong passwords from your network: logging in is paused.",
            reset_password=True,
        )
