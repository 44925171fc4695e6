"""With the cache's Redis unreachable, every page still renders and submits are stored.

Redis is really unreachable here (a port nothing listens on), not mocked; the live test
that stops a running Redis under the web app, the worker and beat is
tests/grader/test_redis_outage_live.py.
"""

import logging
import socket

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from courseplatform import cache as resilient
from exercises.models import Submission
from lessons.models import Lesson
from tests.api.conftest import session_client
from tests.courses.helpers import MINI_COURSE, load
from tests.lessons.web import make_user

pytestmark = pytest.mark.django_db


def dead_redis_url() -> str:
    """A Redis URL on a local port that nothing listens on (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def cache_down(settings):
    url = dead_redis_url()
    settings.CACHES = {
        "default": {"BACKEND": "courseplatform.cache.ResilientRedisCache", "LOCATION": url}
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Each test starts with a fresh record of the outage (it is kept per process).
    resilient._outages.pop(url, None)
    yield url
    resilient._outages.pop(url, None)


def test_the_cache_answers_from_memory_while_redis_is_down(cache_down):
    assert cache.get("missing", "default") == "default"
    cache.set("rendered", "<p>html</p>", 60)
    assert cache.get("rendered") == "<p>html</p>"
    assert cache.add("counter", 1, 60) is True
    assert cache.incr("counter") == 2
    with pytest.raises(ValueError):
        cache.incr("never-set")


def test_an_outage_is_logged_once_not_per_call(cache_down, caplog):
    with caplog.at_level(logging.WARNING, logger="courseplatform.outage"):
        outage = resilient.cache_outage(cache_down.rsplit("/", 1)[0].removeprefix("redis://"))
        for key in range(20):
            cache.get(f"key-{key}")
            outage._down_until = 0.0  # force a new attempt at Redis on every call
    warnings = [r for r in caplog.records if "is unavailable" in r.getMessage()]
    assert len(warnings) == 1, [r.getMessage() for r in caplog.records]
    assert "per-process in-memory cache" in warnings[0].getMessage()


def test_every_page_renders_with_the_cache_down(cache_down, client):
    load(MINI_COURSE)
    learner = make_user(username="grace")
    client.force_login(learner)
    urls = [reverse("lessons:course_list"), reverse("lessons:course_detail", args=["mini"])]
    urls += [
        reverse("lessons:lesson_detail", args=["mini", lesson.slug])
        for lesson in Lesson.objects.filter(course__slug="mini")
    ]
    urls += [reverse("exercises:exercise_detail", args=[slug]) for slug in ("double", "total")]
    assert len(urls) == 7
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    lesson = client.get(urls[2]).content.decode()
    assert "<h1" in lesson  # the Markdown body rendered without its cache


def test_a_submit_through_the_api_is_stored_with_the_cache_down(cache_down):
    load(MINI_COURSE)
    learner = make_user(username="grace")
    api = session_client(learner)
    response = api.post_json("/api/exercises/double/submissions/", {"source_code": "x = 1\n"})
    assert response.status_code == 202, response.content
    assert Submission.objects.get(pk=response.json()["id"]).source_code == "x = 1\n"


def test_rate_limits_still_count_per_process_with_the_cache_down(cache_down, settings):
    settings.SUBMISSION_RATE = "2/m"
    load(MINI_COURSE)
    api = session_client(make_user(username="grace"))
    codes = [
        api.post_json("/api/exercises/double/submissions/", {"source_code": "x = 1\n"}).status_code
        for _ in range(3)
    ]
    assert codes == [202, 202, 429]


def test_the_api_answers_json_for_an_unexpected_error(api_user_client):
    client, boom = api_user_client
    response = client.get("/api/courses/")
    assert boom.called
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "internal server error" in response.json()["error"]


def test_a_page_answers_the_html_error_page_for_an_unexpected_error(api_user_client):
    client, boom = api_user_client
    response = client.get(reverse("lessons:course_list"))
    assert boom.called
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


@pytest.fixture
def api_user_client(settings, monkeypatch):
    """A logged-in client whose course listing (page and API) raises an unexpected error."""
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

    class Boom:
        called = False

        def __call__(self, *args, **kwargs):
            Boom.called = True
            raise RuntimeError("unexpected")

    boom = Boom()
    from exercises.api import selectors as api_selectors
    from lessons import views as lesson_views

    monkeypatch.setattr(api_selectors, "courses_published", boom)
    monkeypatch.setattr(lesson_views, "course_cards", boom)
    client = Client(raise_request_exception=False)
    client.force_login(make_user(username="ada"))
    return client, boom
