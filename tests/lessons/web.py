"""Fixtures every HTML page test needs, imported by the page test modules.

Two workarounds that belong in tests/conftest.py and tests/factories.py (the lead's):
- the settings: plain HTTP for the test client, static files without a collected manifest;
- users whose password is saved: UserFactory sets the password after creating the row and
  skips the save, so a session made by force_login fails its auth-hash check and the
  request comes in anonymous.
"""

from pathlib import Path

import pytest

from tests.factories import StaffFactory, UserFactory


@pytest.fixture(autouse=True)
def web_settings(settings, tmp_path_factory):
    # The test client speaks plain HTTP; production redirects that to HTTPS.
    settings.SECURE_SSL_REDIRECT = False
    # No collectstatic before tests: resolve static files without the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # WhiteNoise warns on every new handler when STATIC_ROOT (collectstatic's output) is absent.
    settings.STATIC_ROOT = str(tmp_path_factory.getbasetemp() / "static-root")
    Path(settings.STATIC_ROOT).mkdir(exist_ok=True)
    # Hashing passwords the production way costs ~0.3 s per user; tests make many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(**fields):
    """A learner whose password ("correct-horse-42") is stored."""
    user = UserFactory(**fields)
    user.save()
    return user


def make_staff(**fields):
    user = StaffFactory(**fields)
    user.save()
    return user


@pytest.fixture
def learner(db):
    return make_user()


@pytest.fixture
def other_learner(db):
    return make_user()


@pytest.fixture
def staff(db):
    return make_staff()
