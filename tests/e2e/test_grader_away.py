"""The exercise page while the grading queue is unreachable: the learner's code is saved,
and the page says it will be graded when the grader is back (no error, nothing lost)."""

import pytest
from playwright.sync_api import expect

from exercises import services
from exercises.models import WAITING_FOR_GRADER, Draft, Submission
from tests.e2e.course import build_e2e_course
from tests.e2e.test_instructor import log_in
from tests.e2e.test_student_journey import type_into_editor
from tests.test_redis_outage import dead_redis_url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def broker_down():
    """Point this process's Celery producer (the live server's) at a Redis that is not there."""
    from courseplatform.celery import app

    saved = app.conf.broker_url
    app.conf.broker_url = dead_redis_url()
    app._pool = None
    app.amqp._producer_pool = None
    yield
    app.conf.broker_url = saved
    app._pool = None
    app.amqp._producer_pool = None
    # The web side skips the broker for a moment after a failure: forget it for later tests.
    services.broker_outage._down_until = 0.0
    services.broker_outage._down_since = None


def test_a_submit_while_the_grader_is_away_is_saved_and_says_so(
    new_page, e2e_learner, broker_down, shots
):
    data = build_e2e_course()
    page = new_page()
    log_in(page, e2e_learner.username)
    page.goto(f"/exercises/{data.exercise.slug}/")
    type_into_editor(page, ["def double(x):", "return 2 * x"])
    page.get_by_role("button", name="Submit", exact=True).click()

    notice = page.locator("#verdict .verdict__notice")
    expect(notice).to_have_text(f"Your code is saved and {WAITING_FOR_GRADER}.")
    expect(page.locator("[data-save-status]")).to_have_text("Saved")
    shots(page, "submit-while-grader-away", full_page=False)

    submission = Submission.objects.get(learner=e2e_learner)
    assert submission.status == Submission.Status.QUEUED and submission.enqueued_at is None
    assert submission.source_code == "def double(x):\n    return 2 * x"
    assert Draft.objects.get(learner=e2e_learner).source_code == submission.source_code
    assert page.js_errors == []
