"""`createtoken` and `demo_users` (they live in accounts; their tests sit with the API's,
the tokens' consumer)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts.models import ApiToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _run(name: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(name, *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_createtoken_prints_a_working_token_alone_on_the_last_line(client):
    user = UserFactory(username="ada")

    code, out, _ = _run("createtoken", "ada", "--name", "laptop")

    raw = out.rstrip("\n").split("\n")[-1]
    assert code == 0 and raw.startswith("cp_") and " " not in raw
    token = ApiToken.objects.get(user=user)
    assert token.name == "laptop" and token.digest == ApiToken.digest_of(raw)
    assert raw not in token.digest


def test_createtoken_for_an_unknown_user_exits_2_with_one_line():
    code, out, err = _run("createtoken", "ghost")

    assert (code, out) == (2, "")
    assert err == "error: no such user: 'ghost'\n"
    assert not ApiToken.objects.exists()


def test_createtoken_refuses_an_inactive_user():
    UserFactory(username="gone", is_active=False)

    code, _, err = _run("createtoken", "gone")

    assert code == 2 and "inactive" in err
    assert not ApiToken.objects.exists()


def test_demo_users_are_created_once_with_their_roles(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.delenv("DEMO_STUDENT_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_INSTRUCTOR_PASSWORD", raising=False)

    code, out, _ = _run("demo_users")
    code_again, again, _ = _run("demo_users")

    users = get_user_model().objects
    student, instructor = users.get(username="student"), users.get(username="instructor")
    assert (code, code_again, users.count()) == (0, 0, 2)
    assert not student.is_staff and not student.is_superuser
    assert instructor.is_staff and instructor.is_superuser
    assert student.check_password("student-demo")
    assert instructor.check_password("instructor-demo")
    assert "student / student-demo" in out and "instructor / instructor-demo" in out
    assert "(created)" in out and "(created)" not in again


def test_demo_users_take_passwords_from_the_environment(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_STUDENT_PASSWORD", "s3cret-student")
    monkeypatch.setenv("DEMO_INSTRUCTOR_PASSWORD", "s3cret-instructor")
    UserFactory(username="instructor")  # exists already, without rights

    code, out, _ = _run("demo_users")

    users = get_user_model().objects
    assert code == 0
    assert users.get(username="student").check_password("s3cret-student")
    instructor = users.get(username="instructor")
    assert instructor.check_password("s3cret-instructor") and instructor.is_superuser
    assert "instructor / s3cret-instructor" in out


def test_demo_users_refuse_default_passwords_outside_debug(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("DEMO_STUDENT_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_INSTRUCTOR_PASSWORD", raising=False)

    code, _, err = _run("demo_users")

    assert code == 1 and "DEMO_STUDENT_PASSWORD" in err
    assert not get_user_model().objects.exists()
