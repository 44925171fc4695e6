"""HEAD answers wherever GET does, on every route (issue 8, item 5): monitors and link
checkers send HEAD, and Django's require_GET refused it with 405."""

import pytest

from tests.api.test_route_auth import ALL_PATTERNS, _concrete
from tests.lessons.web import make_staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

PATHS = sorted({_concrete(route) for route, _, _ in ALL_PATTERNS})


@pytest.fixture
def staff_session(client):
    client.force_login(make_staff())
    return client


@pytest.mark.parametrize("path", PATHS)
def test_head_answers_like_get(staff_session, path):
    get = staff_session.get(path)
    head = staff_session.head(path)

    assert (head.status_code == 405) == (get.status_code == 405), (path, get, head)
    assert head.content == b""
    if not path.startswith("/admin/login/"):
        # (Django's admin login redirects a logged-in user's GET only; HEAD gets the form.)
        assert head.status_code == get.status_code, (path, get.status_code, head.status_code)
