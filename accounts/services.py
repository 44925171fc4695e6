"""Writes for accounts: personal API tokens."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q
from django.utils import timezone

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
