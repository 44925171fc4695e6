"""`manage.py demo_users`: the demo student and instructor for a laptop demo (idempotent)."""

from __future__ import annotations

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_USERS = (
    # username, password variable, laptop default, staff and superuser
    ("student", "DEMO_STUDENT_PASSWORD", "student-demo", False),
    ("instructor", "DEMO_INSTRUCTOR_PASSWORD", "instructor-demo", True),
)


class Command(BaseCommand):
    help = (
        "Create or refresh the demo users 'student' and 'instructor' (staff, superuser); "
        "passwords from DEMO_STUDENT_PASSWORD / DEMO_INSTRUCTOR_PASSWORD."
    )

    def handle(self, *args, **options) -> None:
        missing = [var for _, var, _, _ in DEMO_USERS if not os.environ.get(var)]
        if missing and not settings.DEBUG:
            # A superuser with a published default password would hand the site to anyone.
            self.stderr.write(
                f"error: set {' and '.join(missing)} (the built-in demo passwords are for "
                "DEBUG=1 only)"
            )
            raise SystemExit(1)
        for username, variable, default, privileged in DEMO_USERS:
            password = os.environ.get(variable) or default
            created = _ensure_user(username, password, privileged)
            role = "instructor (admin)" if privileged else "student"
            state = "created" if created else "ready"
            self.stdout.write(f"demo {role}: {username} / {password}  ({state})")


def _ensure_user(username: str, password: str, privileged: bool) -> bool:
    """Make the user exist with this password and role; save only what differs."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    changed = created
    for flag in ("is_staff", "is_superuser"):
        if getattr(user, flag) != privileged:
            setattr(user, flag, privileged)
            changed = True
    if not user.is_active:
        user.is_active = True
        changed = True
    if created or not user.check_password(password):
        user.set_password(password)
        changed = True
    if changed:
        user.save()
    return created
