"""A personal API token opens the JSON API and nothing else (issue 8, item 1).

On every HTML page and in the admin a request bearing a token is anonymous; creating and
revoking tokens needs a session; a password change or reset revokes the user's tokens.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import ApiToken
from accounts.services import TOKEN_TOUCH_INTERVAL, token_create
from tests.lessons.web import learner, make_staff, make_user, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-42"
NEW_PASSWORD = "a-much-better-passphrase-7"


def bearer(raw: str, **options) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}", **options)


@pytest.fixture
def superuser_token():
    return token_create(user=make_staff(), name="cli")[1]


@pytest.mark.parametrize("enforce_csrf", [True, False])
def test_a_token_cannot_open_the_admin_or_add_a_user(superuser_token, enforce_csrf):
    client = bearer(superuser_token, enforce_csrf_checks=enforce_csrf)

    index = client.get("/admin/")
    add = client.post(
        "/admin/auth/user/add/",
        {"username": "intruder", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert index.status_code == 302 and index["Location"].startswith("/admin/login/")
    assert not index.wsgi_request.user.is_authenticated
    # Without CSRF enforcement the admin itself sends the anonymous caller to its login.
    assert add.status_code == (403 if enforce_csrf else 302)
    assert not get_user_model().objects.filter(username="intruder").exists()


@pytest.mark.parametrize("enforce_csrf", [True, False])
def test_a_token_cannot_create_another_token(learner, enforce_csrf):
    _, raw = token_create(user=learner, name="leaked")
    client = bearer(raw, enforce_csrf_checks=enforce_csrf)

    response = client.post(reverse("accounts:token_create"), {"name": "persistence"})

    assert response.status_code == (403 if enforce_csrf else 302)
    if not enforce_csrf:
        assert response["Location"].startswith(reverse("login"))
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["leaked"]


def test_a_token_cannot_revoke_tokens_or_see_the_profile(learner):
    other, _ = token_create(user=learner, name="other")
    _, raw = token_create(user=learner, name="leaked")
    client = bearer(raw)

    revoke = client.post(reverse("accounts:token_revoke", args=[other.pk]))
    profile = client.get(reverse("accounts:profile"))

    assert revoke.status_code == 302 and revoke["Location"].startswith(reverse("login"))
    assert profile.status_code == 302 and profile["Location"].startswith(reverse("login"))
    other.refresh_from_db()
    assert other.revoked_at is None


def test_a_session_still_creates_tokens(client, learner):
    client.force_login(learner)

    response = client.post(reverse("accounts:token_create"), {"name": "laptop"})

    assert response.status_code == 201 and ApiToken.objects.filter(name="laptop").exists()


def _api_status(raw: str) -> int:
    return bearer(raw).get("/api/courses/").status_code


def test_changing_the_password_revokes_every_token_and_the_pages_say_so(client, learner):
    _, first = token_create(user=learner, name="laptop")
    _, second = token_create(user=learner, name="ci")
    assert _api_status(first) == 200
    client.force_login(learner)

    form = client.get(reverse("password_change")).content.decode()
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert "revokes your API tokens" in form
    assert "API tokens were revoked" in response.content.decode()
    assert _api_status(first) == 401 and _api_status(second) == 401
    assert not ApiToken.objects.active().exists()


def test_a_password_reset_revokes_the_tokens_too(client, learner):
    _, raw = token_create(user=learner, name="laptop")
    client.post(reverse("password_reset"), {"email": learner.email})
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    form = client.get(link.group(1), follow=True)

    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert "revokes your API tokens" in form.content.decode()
    assert "API tokens were revoked" in done.content.decode()
    assert _api_status(raw) == 401


def test_a_password_set_anywhere_else_revokes_the_tokens(learner):
    # The admin's password form and `manage.py changepassword` both end in set_password().
    _, raw = token_create(user=learner, name="laptop")
    user = get_user_model().objects.get(pk=learner.pk)

    user.set_password(NEW_PASSWORD)
    user.save()

    assert _api_status(raw) == 401


class RenamedMD5Hasher(MD5PasswordHasher):
    """A "new" preferred hasher, cheap enough for a test."""

    algorithm = "renamed-md5"


def test_a_login_that_upgrades_the_hash_keeps_the_tokens(client, learner, settings):
    # Django rehashes on login when the hasher changes: not a password change.
    _, raw = token_create(user=learner, name="laptop")
    settings.PASSWORD_HASHERS = [
        "tests.accounts.test_token_scope.RenamedMD5Hasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]

    client.post(reverse("login"), {"username": learner.username, "password": PASSWORD})

    learner.refresh_from_db()
    assert learner.password.startswith("renamed-md5$")
    assert _api_status(raw) == 200


def test_other_users_tokens_survive_a_password_change(learner):
    other = make_user()
    _, theirs = token_create(user=other, name="theirs")

    learner.set_password(NEW_PASSWORD)
    learner.save()

    assert _api_status(theirs) == 200


# ---- no database write per API request ------------------------------------------------


def _updates(captured) -> int:
    return sum(1 for query in captured if query["sql"].lstrip().upper().startswith("UPDATE"))


def test_last_use_is_written_at_most_once_per_interval(learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    token, raw = token_create(user=learner, name="poller")
    client = bearer(raw)

    with CaptureQueriesContext(connection) as first:
        assert client.get("/api/progress/").status_code == 200
    with CaptureQueriesContext(connection) as repeated:
        for _ in range(5):
            assert client.get("/api/progress/").status_code == 200
    token.refresh_from_db()
    recorded = token.last_used_at
    ApiToken.objects.filter(pk=token.pk).update(
        last_used_at=timezone.now() - TOKEN_TOUCH_INTERVAL - timezone.timedelta(seconds=1)
    )
    with CaptureQueriesContext(connection) as later:
        assert client.get("/api/progress/").status_code == 200

    assert _updates(first) == 1 and recorded is not None
    assert _updates(repeated) == 0
    assert _updates(later) == 1
    token.refresh_from_db()
    assert token.last_used_at > recorded
