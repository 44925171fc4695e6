"""Writes for accounts: personal API tokens."""

from __future__ import annotations

import secrets

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import timezone

from accounts.models import ApiToken

TOKEN_PREFIX = "cp_"


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
