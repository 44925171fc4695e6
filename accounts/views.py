"""Sign-up (with an activation link), the login lockout page, and the profile page with
personal API tokens.

Log in, log out and the password pages are Django's own views (see urls.py); django-axes
throttles logins and answers a lockout with `login_locked_out`.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.forms import ApiTokenForm, SignUpForm
from accounts.models import ApiToken
from accounts.services import signup_activate, signup_start, token_create, token_revoke
from exercises.ratelimit import signup_throttle


def _safe_next(request: HttpRequest) -> str:
    """The `next` page of this site the learner came from, or "" (never another site)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def too_many_requests(
    request: HttpRequest, *, wait: int, message: str, reset_password: bool = False
) -> HttpResponse:
    """The readable 429 page, with Retry-After."""
    context = {
        "message": message,
        "retry_after": wait,
        "wait_text": duration_text(wait),
        "reset_password": reset_password,
    }
    response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


def duration_text(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Counted for well-formed sign-ups only: a mistyped password costs nothing.
        wait = signup_throttle(request)
        if wait is not None:
            return too_many_requests(
                request,
                wait=wait,
                message="Too many accounts were created from your network recently.",
            )
        signup_start(form=form, request=request, next_url=_safe_next(request))
        # The same answer whether or not the address is registered: the e-mail tells.
        return render(request, "accounts/signup_sent.html", {"email": form.cleaned_data["email"]})
    status = 400 if request.method == "POST" else 200
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    return render(request, "accounts/signup.html", {"form": form, "next": next_url}, status=status)


@require_safe
def activate(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = signup_activate(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "accounts/signup_invalid_link.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, f"Welcome, {user.get_username()}! Your account is ready.")
    return redirect(_safe_next(request) or settings.LOGIN_REDIRECT_URL)


def login_locked_out(request: HttpRequest, original_response=None, credentials=None):
    """django-axes calls this when a login is refused for too many wrong passwords."""
    wait = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return too_many_requests(
        request,
        wait=wait,
        message="Too many wrong passwords for this account from your network: "
        "logging in is paused.",
        reset_password=True,
    )


def _profile(request: HttpRequest, *, form: ApiTokenForm, new_token: str = "", status=200):
    context = {
        "form": form,
        "tokens": ApiToken.objects.for_user(request.user).order_by("-created_at"),
        "new_token": new_token,
        "site_url": request.build_absolute_uri("/").rstrip("/"),
    }
    response = render(request, "accounts/profile.html", context, status=status)
    # The page may carry a raw token: keep it out of every cache.
    response["Cache-Control"] = "no-store"
    return response


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return _profile(request, form=ApiTokenForm())


@require_POST
@login_required
def token_new(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _profile(request, form=form, status=400)
    token, raw = token_create(user=request.user, name=form.cleaned_data["name"])
    messages.success(request, f"Token “{token.name}” created. Copy it now: it is shown only once.")
    # Rendered, not redirected: the raw token is never stored anywhere, not even in a session.
    return _profile(request, form=ApiTokenForm(), new_token=raw, status=201)


@require_POST
@login_required
def token_delete(request: HttpRequest, token_id: int) -> HttpResponse:
    if token_revoke(user=request.user, token_id=token_id):
        messages.success(request, "The token is revoked; programs using it are now refused.")
    else:
        messages.error(request, "No such active token.")
    return redirect("accounts:profile")
