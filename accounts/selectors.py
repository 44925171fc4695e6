"""Reads for accounts: finding the user behind an API token."""

from __future__ import annotations

from accounts.models import ApiToken


def token_active(*, raw: str) -> ApiToken | None:
    """The active token whose digest matches `raw`, with its (active) user; else None."""
    if not raw:
        return None
    return (
        ApiToken.objects.active()
        .select_related("user")
        .filter(digest=ApiToken.digest_of(raw), user__is_active=True)
        .first()
    )
