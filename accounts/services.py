"""Writes for accounts: personal API tokens, and sign-up with an activation link."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_decode, urlsafe_base64_encode

from accounts.forms import SignUpForm
from accounts.models import ApiToken

TOKEN_PREFIX = "cp_"
# A token's last use is recorded at this resolution: "used in the last minute" is all the
# profile page needs, and a write on every API request would cost every poll a database
# write (and, on SQLite, the write lock the grader also needs).
TOKEN_TOUCH_INTERVAL = timedelta(seconds=60)


def token_create(*, user: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    """Create a token for `user`; return it with the raw value, which is never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:80] or "token",
        digest=ApiToken.digest_of(raw),
        prefix=raw[:10],
    )
    return token, raw


def token_revoke(*, user: AbstractBaseUser, token_id: int) -> bool:
    """Revoke one of `user`'s own tokens; return False if there is no such active token."""
    updated = (
        ApiToken.objects.active().filter(pk=token_id, user=user).update(revoked_at=timezone.now())
    )
    return updated == 1


def tokens_revoke_all(*, user: AbstractBaseUser) -> int:
    """Revoke every active token of `user` (their password changed); return how many."""
    if user.pk is None:
        return 0
    return ApiToken.objects.active().filter(user=user).update(revoked_at=timezone.now())


def token_touch(*, token: ApiToken) -> bool:
    """Record that `token` was used, at most once per TOKEN_TOUCH_INTERVAL; return whether
    the database was written. Decided from the row already loaded, so a token used again
    within the interval costs no query at all."""
    now = timezone.now()
    cutoff = now - TOKEN_TOUCH_INTERVAL
    if token.last_used_at is not None and token.last_used_at > cutoff:
        return False
    # The condition is repeated in SQL so that concurrent requests write once between them.
    written = (
        ApiToken.objects.filter(pk=token.pk)
        .filter(Q(last_used_at__isnull=True) | Q(last_used_at__lte=cutoff))
        .update(last_used_at=now)
    )
    token.last_used_at = now
    return written == 1


# ---- sign-up -------------------------------------------------------------------------------


def _never_used(user: AbstractBaseUser) -> bool:
    """An account made by a sign-up that was never activated: inactive, never logged in, no
    token ever made (so no submission, draft or progress either). An account an admin
    deactivated after use is never one."""
    return (
        not user.is_active
        and user.last_login is None
        and not ApiToken.objects.filter(user=user).exists()
    )


def signup_start(*, form: SignUpForm, request: HttpRequest, next_url: str = "") -> None:
    """Start a sign-up from a valid SignUpForm without revealing whether its e-mail address
    is registered: a new address gets an inactive account and an activation link; a known
    one gets a message saying it has an account (with the password-reset link). The caller
    answers the same page either way.

    A sign-up that was never activated does not keep its address: the owner of the address
    proves it by activating, so the new sign-up replaces the pending one.

    `next_url` (a page of this site, checked by the caller) rides along in the activation
    link, so that activating lands on the page the learner signed up from.
    """
    User = get_user_model()
    email = form.cleaned_data["email"]
    with transaction.atomic():
        existing = User.objects.select_for_update().filter(email__iexact=email).first()
        if existing is not None and _never_used(existing):
            existing.delete()
            existing = None
        if existing is None:
            try:
                with transaction.atomic():
                    user = form.save(commit=False)
                    user.is_active = False
                    user.save()
            except IntegrityError:  # the same address (or name) signed up at the same moment
                existing = User.objects.filter(email__iexact=email).first()
                if existing is None:
                    return  # the username was taken meanwhile: a retry shows the form error
    if existing is not None:
        _send(request, "accounts/email/signup_known", email, {"user": existing})
    else:
        context = {
            "user": user,
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
            "next_query": f"?{urlencode({'next': next_url})}" if next_url else "",
        }
        _send(request, "accounts/email/signup_activate", email, context)


def signup_activate(*, uidb64: str, token: str) -> AbstractBaseUser | None:
    """Activate the account the link names; None if the link is invalid or used already."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=int(urlsafe_base64_decode(uidb64).decode()))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None
    if user.is_active or not default_token_generator.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def _send(request: HttpRequest, template: str, email: str, context: dict) -> None:
    context = {
        **context,
        "site_name": request.get_host(),
        "protocol": "https" if request.is_secure() else "http",
        "domain": request.get_host(),
    }
    subject = "".join(render_to_string(f"{template}_subject.txt", context).splitlines())
    send_mail(subject, render_to_string(f"{template}.txt", context), None, [email])
