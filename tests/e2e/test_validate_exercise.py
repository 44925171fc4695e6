"""An instructor presses "Validate exercise": the page says it is running, then shows the
report a real grading worker wrote after running the exercise's code in the sandbox."""

import pytest
import redis
from playwright.sync_api import expect

from tests.factories import ExerciseFactory
from tests.live_worker import LiveWorker

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BROKEN_CASES = """
import numpy as np
from grader.casekit import Case

def cases():
    yield Case("small vector", args=(np.array([1.0, 2.0]),), visible=True)
    raise ValueError("forgot the hidden cases")
"""


def log_in(page, username, password="correct-horse-42"):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_validate_shows_queued_then_the_report(
    request, new_page, e2e_staff, redis_url, tmp_path, shots
):
    good = ExerciseFactory(slug="doubling")
    broken = ExerciseFactory(slug="doubling-broken", cases_source=BROKEN_CASES)
    page = new_page()
    log_in(page, e2e_staff.username)
    redis.Redis.from_url(redis_url).flushdb()

    page.goto(f"/admin/exercises/exercise/{good.pk}/change/")
    expect(page.locator(".validation")).to_contain_text("Not validated yet")
    page.get_by_role("button", name="Validate exercise").click()
    expect(page.get_by_text("doubling: validation queued")).to_be_visible()
    status = page.locator(".validation-status")
    # No worker runs yet, so the request waits in the queue whatever the machine's load.
    expect(status).to_contain_text("Queued: waiting for a grading worker")
    shots(page, "validation-queued")

    worker = LiveWorker(broker_url=redis_url, log_path=tmp_path / "worker.log").start()
    request.addfinalizer(worker.stop)
    # The page polls: the report replaces the status without a reload.
    expect(status).to_contain_text("Valid (", timeout=120_000)
    table = page.locator(".validation-table")
    expect(table).to_contain_text("reference solution")
    expect(table).to_contain_text("starter code")
    shots(page, "validation-report")

    page.goto(f"/admin/exercises/exercise/{broken.pk}/change/")
    page.get_by_role("button", name="Validate exercise").click()
    expect(status).to_contain_text("FAILED validation", timeout=120_000)
    expect(page.locator(".validation-table")).to_contain_text("ValueError: forgot the hidden")
    shots(page, "validation-broken-cases")
    assert page.js_errors == []
