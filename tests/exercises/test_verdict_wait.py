"""The `wait` long poll: answered the moment the verdict is recorded, bounded, and still
answered (by reading the database) while Redis is down.

The verdict is recorded by another thread through the grader's own recording path, which
announces it on Redis after its transaction commits; nothing here is mocked.
"""

import threading
import time

import pytest
import redis
from django.db import connection
from django.test import Client
from django.urls import reverse

from exercises import verdicts
from exercises.models import Submission
from grader import services
from grader.grading import GradeOutcome
from tests.api.conftest import session_client
from tests.factories import SubmissionFactory
from tests.lessons.web import make_user
from tests.test_redis_outage import dead_redis_url

PASSED = GradeOutcome(verdict=Submission.Verdict.PASSED, score=1.0)


@pytest.fixture
def setup(transactional_db, settings):
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    learner = make_user(username="grace")
    submission = SubmissionFactory(learner=learner)
    return session_client(learner), submission


def page_client(submission) -> Client:
    client = Client()
    client.force_login(submission.learner)
    return client


def record_when(predicate, submission, *, timeout: float = 20.0) -> threading.Thread:
    """In another thread (and database connection): once predicate() holds, record the
    verdict the way the grader does."""

    def run():
        try:
            deadline = time.monotonic() + timeout
            while not predicate() and time.monotonic() < deadline:
                time.sleep(0.01)
            services._record(submission, PASSED, version="v1")
        finally:
            connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def someone_listens(submission_id: int):
    channel = verdicts._channel(submission_id)
    client = redis.Redis.from_url(verdicts.settings.REDIS_URL)
    return lambda: dict(client.pubsub_numsub(channel)).get(channel.encode(), 0) > 0


def test_the_answer_comes_when_the_verdict_is_announced(setup, monkeypatch):
    client, submission = setup
    # Only the announcement can wake the request before its 20 s deadline.
    monkeypatch.setattr(verdicts, "RECHECK_SECONDS", 60.0)
    thread = record_when(someone_listens(submission.pk), submission)

    started = time.monotonic()
    response = client.get(f"/api/submissions/{submission.pk}/?wait=20")
    elapsed = time.monotonic() - started
    thread.join(5)

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["verdict"]) == ("done", "passed")
    assert elapsed < 15, elapsed


def test_the_exercise_page_status_waits_too(setup, monkeypatch):
    client, submission = setup
    monkeypatch.setattr(verdicts, "RECHECK_SECONDS", 60.0)
    thread = record_when(someone_listens(submission.pk), submission)

    url = reverse("exercises:submission_status", args=[submission.pk])
    started = time.monotonic()
    body = page_client(submission).get(f"{url}?wait=20").json()
    thread.join(5)

    assert body["done"] is True and body["verdict"] == "passed"
    assert time.monotonic() - started < 15


def test_without_a_verdict_the_answer_comes_at_the_deadline(setup):
    client, submission = setup
    started = time.monotonic()
    response = client.get(f"/api/submissions/{submission.pk}/?wait=0.5")
    assert time.monotonic() - started >= 0.5
    assert response.json()["status"] == "queued"


def test_with_redis_down_the_wait_reads_the_database(setup, settings, monkeypatch):
    client, submission = setup
    settings.REDIS_URL = dead_redis_url()
    outage = verdicts.Outage("test", retry_seconds=5.0)
    monkeypatch.setattr(verdicts, "pubsub_outage", outage)
    asked = threading.Event()
    thread = record_when(asked.is_set, submission)

    def ask():
        asked.set()
        return client.get(f"/api/submissions/{submission.pk}/?wait=20")

    response = ask()
    thread.join(5)

    assert outage.down  # the subscription failed...
    assert response.json()["status"] == "done"  # ...and the verdict was found all the same


def test_announcing_with_redis_down_does_not_raise(settings, monkeypatch):
    settings.REDIS_URL = dead_redis_url()
    outage = verdicts.Outage("test")
    monkeypatch.setattr(verdicts, "pubsub_outage", outage)
    verdicts.verdict_announce(submission_id=1)
    assert outage.down


@pytest.mark.parametrize("raw", ["soon", "-1", "nan", "inf", ""])
def test_a_wait_that_is_not_a_number_of_seconds_is_a_clear_400(setup, raw):
    client, submission = setup
    response = client.get(f"/api/submissions/{submission.pk}/?wait={raw}")
    assert response.status_code == 400
    assert response.json()["field"] == "wait"
    assert "'wait' must be a number of seconds" in response.json()["error"]
    url = reverse("exercises:submission_status", args=[submission.pk])
    page = page_client(submission).get(url, {"wait": raw})
    assert page.status_code == 400 and "'wait'" in page.json()["error"]


def test_a_wait_above_the_bound_means_the_bound(settings):
    settings.VERDICT_WAIT_MAX_SECONDS = 30.0
    assert verdicts.wait_seconds("600") == 30.0
    assert verdicts.wait_seconds("2.5") == 2.5
    assert verdicts.wait_seconds(None) is None
