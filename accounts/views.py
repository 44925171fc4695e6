"""Sign-up and the profile page with personal API tokens.

Log in, log out and the password pages are Django's own views (see urls.py).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from accounts.forms import ApiTokenForm, SignUpForm
from accounts.models import ApiToken
from accounts.services import token_create, token_revoke


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.get_username()}! Your account is ready.")
        return redirect(_safe_next(request))
    status = 400 if request.method == "POST" else 200
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    return render(request, "accounts/signup.html", {"form": form, "next": next_url}, status=status)


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
