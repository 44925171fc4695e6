"""Plumbing shared by every API view: authentication, CSRF, JSON bodies and JSON errors.

Every answer of the API is JSON, errors included: `{"error": "...", ...}`.

Authentication lives here and nowhere else: each view declares its `auth` in `api_view`,
and only these views look at the `Authorization` header. No middleware turns a token into
a user, so on every HTML page and in the admin a token request is anonymous (see
docs/api.md, "Why the API keeps its own small layer").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import NoReverseMatch, reverse
from django.views.decorators.csrf import csrf_exempt

from accounts.selectors import token_active
from accounts.services import token_touch

SAFE_METHODS = ("GET", "HEAD")
BEARER = "Bearer "


class Auth(StrEnum):
    """Who may call a route. Every API view declares one; tests enumerate them all."""

    PUBLIC = "public"  # anyone (an invalid token is still 401, never silently anonymous)
    LEARNER = "learner"  # a bearer token, or a session (writes then need the CSRF token)


class ApiError(Exception):
    """Raised by a view to answer with a JSON error."""

    def __init__(self, status: int, message: str, *, headers: dict | None = None, **extra):
        super().__init__(message)
        self.status, self.message, self.headers, self.extra = status, message, headers, extra

    def response(self) -> JsonResponse:
        return error_response(self.status, self.message, headers=self.headers, **self.extra)


def error_response(
    status: int, message: str, *, headers: dict | None = None, **extra
) -> JsonResponse:
    response = JsonResponse({"error": message, **extra}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    response["Cache-Control"] = "no-store"
    return response


def json_response(data: dict, *, status: int = 200, headers: dict | None = None) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in (headers or {}).items():
        response[name] = value
    # Answers are per learner (progress, submissions): never cached by a proxy.
    response["Cache-Control"] = "private, no-store"
    return response


class _CsrfCheck(CsrfViewMiddleware):
    def _reject(self, request, reason):
        return reason  # the reason instead of Django's HTML failure page


def _csrf_problem(request: HttpRequest) -> str | None:
    check = _CsrfCheck(lambda _request: None)
    check.process_request(request)
    return check.process_view(request, None, (), {})


def api_view(*methods: str, auth: Auth) -> Callable:
    """Wrap a view: authentication as declared by `auth`, JSON errors for 401/403/404/405,
    CSRF only for session-authenticated writes.

    A request with an invalid bearer token gets 401 even where no login is needed: it must
    not silently fall back to anonymous (or to a session cookie sent alongside).
    """
    if not isinstance(auth, Auth):
        raise TypeError(f"api_view needs auth=Auth.…, not {auth!r}")
    allowed = tuple(methods) + (("HEAD",) if "GET" in methods else ())

    def decorate(view: Callable) -> Callable:
        # CSRF is checked below, after authentication, so that a failure is JSON too.
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not authenticate_bearer(request):
                return _unauthorized("invalid or revoked API token")
            if request.method not in allowed:
                return error_response(
                    405,
                    f"method {request.method} not allowed here",
                    headers={"Allow": ", ".join(allowed)},
                    allowed=list(methods),
                )
            if auth is Auth.LEARNER and not request.user.is_authenticated:
                return _unauthorized(
                    "authentication required: send 'Authorization: Bearer TOKEN' or log in"
                )
            if request.method not in SAFE_METHODS and not request.token_authenticated:
                problem = _csrf_problem(request)
                if problem:
                    return error_response(403, f"CSRF check failed: {problem}")
            try:
                return view(request, *args, **kwargs)
            except ApiError as exc:
                return exc.response()
            except (ObjectDoesNotExist, Http404):
                return error_response(404, "not found")

        wrapper.api_methods = tuple(methods)
        wrapper.api_auth = auth
        return wrapper

    return decorate


def authenticate_bearer(request: HttpRequest) -> bool:
    """Apply an `Authorization: Bearer` header to `request`; False if the token is invalid.

    Without the header the request keeps its session user (or stays anonymous). With a
    valid token, the token's user replaces any session user and CSRF does not apply: a
    third-party page cannot make a browser send an Authorization header (no CORS here).
    """
    request.token_authenticated = False
    header = request.headers.get("Authorization", "")
    if not header.startswith(BEARER):
        return True
    token = token_active(raw=header.removeprefix(BEARER).strip())
    if token is None:
        return False
    request.user = token.user
    request.token_authenticated = True
    token_touch(token=token)
    return True


def _unauthorized(message: str) -> JsonResponse:
    return error_response(401, message, headers={"WWW-Authenticate": 'Bearer realm="api"'})


def read_json_object(request: HttpRequest, *, max_bytes: int | None = None) -> dict:
    """Return the request body parsed as a JSON object, or raise ApiError (400 or 413)."""
    # JSON escapes can make the body several times the source's size: allow for it here
    # and let the service enforce the real limit on the decoded source.
    limit = max_bytes or 8 * settings.SUBMISSION_MAX_BYTES + 4096
    try:
        body = request.body
    except RequestDataTooBig:
        raise ApiError(413, "request body too large") from None
    if len(body) > limit:
        raise ApiError(413, f"request body too large: {len(body):,} bytes, limit {limit:,}")
    try:
        data = json.loads(body)
    except UnicodeDecodeError:
        raise ApiError(400, "malformed JSON: the body is not UTF-8") from None
    except ValueError as exc:
        raise ApiError(400, f"malformed JSON: {exc}") from None
    except RecursionError:  # e.g. 100,000 "[": the parser recurses once per level
        raise ApiError(400, "malformed JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ApiError(400, "the body must be a JSON object")
    return data


def absolute_url(request: HttpRequest, name: str, *args: object) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def page_url(request: HttpRequest, name: str, *args: object) -> str | None:
    """The HTML page's URL, or None if that page is not routed on this deployment."""
    try:
        return absolute_url(request, name, *args)
    except NoReverseMatch:
        return None
