"""Workers publish their grading health; `manage.py grader_status` reads it; a process that
knows it cannot grade hands a task back at once, before touching the submission."""

import io
import time

import pytest
import redis
from celery.exceptions import Retry
from django.conf import settings
from django.core.management import call_command

from exercises.models import Submission
from grader import health, tasks
from grader.sandbox import selftest
from grader.sandbox.types import Check, Health
from grader.services import grader_options
from tests.conftest import wait_for
from tests.factories import SubmissionFactory


@pytest.fixture
def clean_health(redis_url):
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete(health.HEALTH_KEY)
    yield client
    client.delete(health.HEALTH_KEY)


def status() -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("grader_status", stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_grader_status_says_which_processes_can_grade_and_why_not(clean_health):
    now = time.time()
    ok = Health(can_grade=True, checked_at=now, zygote_start_ms=1800, selftest_ms=40, attempts=1)
    broken = Health(
        can_grade=False,
        reason="sandbox self-test failed: the slot's memory cgroup holds only what jobs use",
        checked_at=now,
    )
    assert health.worker_health_publish(health=ok, worker="host-a:101")
    assert health.worker_health_publish(health=broken, worker="host-a:102")

    code, out, _ = status()
    assert code == 0
    assert "host-a:101" in out and "can grade" in out and "attempts 1" in out
    assert "host-a:102" in out and "CANNOT GRADE" in out and "memory cgroup" in out
    assert "1 of 2 live worker processes can grade" in out


def test_grader_status_fails_when_nothing_can_grade_or_reports_are_stale(clean_health):
    code, _, err = status()
    assert code == 1 and "No worker process has reported" in err

    old = Health(can_grade=True, checked_at=time.time())
    health.worker_health_publish(health=old, worker="host-b:7")
    stale_at = time.time() - health.HEARTBEAT_SECONDS * (health.STALE_HEARTBEATS + 1)
    record = clean_health.hget(health.HEALTH_KEY, "host-b:7").replace(
        str(
            health.json.loads(clean_health.hget(health.HEALTH_KEY, "host-b:7"))["reported_at"]
        ).encode(),
        str(stale_at).encode(),
    )
    clean_health.hset(health.HEALTH_KEY, "host-b:7", record)
    code, out, _ = status()
    assert code == 1 and "STALE" in out and "0 of 0 live" in out


@pytest.mark.sandbox
@pytest.mark.django_db
def test_a_process_known_unable_to_grade_hands_the_task_back_untouched(monkeypatch):
    sandbox = grader_options().sandbox()
    sandbox.close()  # this process's sandbox may have graded in an earlier test
    sandbox.health = Health(can_grade=None)
    probes = []

    def failing_probe(box):
        probes.append(box)
        return [Check("a check that fails", False, "on purpose")]

    monkeypatch.setattr(selftest, "run_probe", failing_probe)
    assert sandbox.recheck().can_grade is None and probes == []  # nothing known: no re-check
    submission = SubmissionFactory(source_code="def double(x):\n    return 2 * x\n")
    try:
        with pytest.raises(Retry):
            tasks.grade_submission.apply(args=(submission.pk,), throw=True)
        assert sandbox.health.can_grade is False and "on purpose" in sandbox.health.reason
        assert len(probes) == 2  # the first self-test and the retry with a fresh zygote
        first = Submission.objects.get(pk=submission.pk)

        # Known now: handed back at once, the submission not even marked running again.
        started = time.perf_counter()
        with pytest.raises(Retry):
            tasks.grade_submission.apply(args=(submission.pk,), throw=True)
        assert time.perf_counter() - started < 1.0
        again = Submission.objects.get(pk=submission.pk)
        assert again.delivery_count == first.delivery_count
        assert sandbox.zygote is None and len(probes) == 2
    finally:
        sandbox.close()
        sandbox.health = Health(can_grade=None)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_live_worker_processes_publish_their_health(live_worker, clean_health):
    rows = wait_for(
        lambda: [r for r in health.worker_health_list() if r.can_grade is not None] or None,
        timeout=60,
    )
    wait_for(lambda: len([r for r in health.worker_health_list() if r.can_grade]) == 2, timeout=60)
    rows = health.worker_health_list()
    assert all(r.can_grade and r.attempts >= 1 and r.zygote_start_ms > 0 for r in rows)
    code, out, _ = status()
    assert code == 0 and "2 of 2 live worker processes can grade" in out
