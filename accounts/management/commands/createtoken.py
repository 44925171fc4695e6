"""`manage.py createtoken USERNAME [--name NAME]`: make a personal API token."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from accounts.services import token_create


class Command(BaseCommand):
    help = "Create an API token for a user and print it (alone on the last line; shown once)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="cli", help="a label to recognise the token by")

    def handle(self, *args, username: str, name: str, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None or not user.is_active:
            problem = "no such user" if user is None else "the user is inactive"
            self.stderr.write(f"error: {problem}: {username!r}")
            raise SystemExit(2)
        token, raw = token_create(user=user, name=name)
        self.stdout.write(
            f"Created token {token.name!r} for {username} (prefix {token.prefix}). "
            "Copy it now: it is not stored and cannot be shown again."
        )
        # Alone on the last line, so that scripts can take it with `tail -n 1`.
        self.stdout.write(raw)
