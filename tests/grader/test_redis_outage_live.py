"""The whole stack through a Redis outage: the web app under gunicorn, a real Celery worker
with beat, and a private Redis (broker, cache, verdict announcements) that this test
stops and starts again; never the shared one.

With Redis stopped, every page renders, a submit through the API and one through the
exercise page are stored and answered 202 JSON saying they wait for the grader (and the
draft is saved); when Redis is back, the sweep sends them and the verdicts arrive.
"""

import json
import time
import urllib.parse

import pytest
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.urls import reverse

from accounts.services import token_create
from exercises.models import WAITING_FOR_GRADER, Draft, Submission
from lessons.models import Lesson
from tests.courses.helpers import MINI_COURSE, load
from tests.factories import UserFactory
from tests.live_stack import Gunicorn, HttpBrowser, PrivateRedis
from tests.live_worker import LiveWorker, database_url_for_subprocess

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

RIGHT = "def double(x):\n    return x * 2\n"
WRONG = "def double(x):\n    return x + 1\n"


@pytest.fixture
def stack(tmp_path):
    redis_server = PrivateRedis(tmp_path).start()
    worker = web = None
    try:
        worker = LiveWorker(
            broker_url=redis_server.url(0), log_path=tmp_path / "worker.log", concurrency=1
        ).start()
        web = Gunicorn(
            database_url=database_url_for_subprocess(),
            redis_url=redis_server.url(0),
            cache_url=redis_server.url(1),
            log_path=tmp_path / "web.log",
        ).start()
        yield redis_server, worker, web
    finally:
        for process in (web, worker):
            if process is not None:
                process.stop()
        if redis_server.process.poll() is None:
            redis_server.stop()


def session_cookies(user) -> dict[str, str]:
    """A logged-in session (stored in the shared database) and a CSRF secret."""
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": _get_new_csrf_string()}


def submit_api(web, token, source):
    body = json.dumps({"source_code": source}).encode()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    return HttpBrowser(web.url).request("POST", "/api/exercises/double/submissions/", body, headers)


def verdict_over_http(web, token, submission_id, timeout=120.0) -> dict:
    """Wait for the verdict as the command-line client does (long poll)."""
    deadline = time.monotonic() + timeout
    headers = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < deadline:
        status, _, text = HttpBrowser(web.url).request(
            "GET", f"/api/submissions/{submission_id}/?wait=20", headers=headers
        )
        assert status == 200, text
        body = json.loads(text)
        if body["status"] == "done":
            return body
    raise AssertionError(f"no verdict for submission {submission_id} within {timeout} s")


def test_the_stack_serves_and_loses_nothing_through_a_redis_outage(stack):
    redis_server, worker, web = stack
    load(MINI_COURSE)
    learner = UserFactory(username="grace")
    learner.save()
    _, token = token_create(user=learner, name="laptop")
    cookies = session_cookies(learner)
    browser = HttpBrowser(web.url, cookies=cookies)

    # Redis up: a first verdict through the whole stack.
    status, _, text = submit_api(web, token, RIGHT)
    assert status == 202, text
    assert verdict_over_http(web, token, json.loads(text)["id"])["verdict"] == "passed"

    redis_server.stop()

    pages = [reverse("lessons:course_list"), reverse("lessons:course_detail", args=["mini"])]
    pages += [
        reverse("lessons:lesson_detail", args=["mini", slug])
        for slug in Lesson.objects.filter(course__slug="mini").values_list("slug", flat=True)
    ]
    pages += [reverse("exercises:exercise_detail", args=[slug]) for slug in ("double", "total")]
    pages += [reverse("exercises:progress"), reverse("exercises:submission_list", args=["double"])]
    for page in pages:
        for who in (browser, HttpBrowser(web.url)):
            status, headers, text = who.request("GET", page)
            assert status == 200, (page, status, text[:500])
            assert headers["Content-Type"].startswith("text/html")

    # A submit through the API: stored, answered in JSON, saying it waits for the grader.
    status, headers, text = submit_api(web, token, RIGHT)
    assert status == 202, text
    assert headers["Content-Type"] == "application/json"
    api_submission = json.loads(text)
    assert (api_submission["status"], api_submission["notice"]) == ("queued", WAITING_FOR_GRADER)

    # A submit through the exercise page, as its script sends it.
    form = urllib.parse.urlencode(
        {"source_code": WRONG, "mode": "submit", "csrfmiddlewaretoken": cookies["csrftoken"]}
    ).encode()
    status, headers, text = browser.request(
        "POST",
        reverse("exercises:submission_create", args=["double"]),
        form,
        {
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRFToken": cookies["csrftoken"],
        },
    )
    assert status == 202, text
    page_submission = json.loads(text)
    assert page_submission["notice"] == WAITING_FOR_GRADER
    assert Draft.objects.get(learner=learner, exercise__slug="double").source_code == WRONG

    # The long poll still answers (from the database) while Redis is down.
    started = time.monotonic()
    status, _, text = HttpBrowser(web.url).request(
        "GET",
        f"/api/submissions/{api_submission['id']}/?wait=1",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert status == 200 and json.loads(text)["status"] == "queued"
    assert time.monotonic() - started < 10
    stored = Submission.objects.filter(pk__in=[api_submission["id"], page_submission["id"]])
    assert sorted(stored.values_list("source_code", flat=True)) == sorted([RIGHT, WRONG])

    redis_server.start()

    assert verdict_over_http(web, token, api_submission["id"])["verdict"] == "passed"
    assert verdict_over_http(web, token, page_submission["id"])["verdict"] == "failed"
    status, _, text = browser.request("GET", reverse("exercises:progress"))
    assert status == 200
