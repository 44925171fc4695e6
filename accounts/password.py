"""Revoke a user's API tokens whenever their password changes.

Django calls `password_changed()` on every configured password validator after any
`set_password()` is saved: the password change and reset pages, the admin's password form,
`manage.py changepassword`. Hooking there (rather than in two views) covers every path by
which a password changes, so a leaked token never outlives the password it was made under.
"""

from __future__ import annotations

from accounts.services import tokens_revoke_all


class RevokeApiTokensOnPasswordChange:
    """Validates nothing; only its `password_changed` hook matters."""

    def validate(self, password, user=None) -> None:
        return None

    def password_changed(self, password, user=None) -> None:
        if user is not None:
            tokens_revoke_all(user=user)

    def get_help_text(self) -> str:
        return "Changing your password revokes your API tokens."
