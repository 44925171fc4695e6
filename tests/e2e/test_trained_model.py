"""A trained-model exercise in the browser: elapsed time while it runs, then the losses.

Uses tests/fixtures/trained-course (no real training): the submitted function sleeps a
few seconds per case, as a training run would, so the page's running clock is visible.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from exercises.course_io import course_load, read_course
from exercises.models import Submission

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "trained-course"
SOLUTION = (FIXTURE / "01-models" / "flat_gpt" / "solution.py").read_text()
SLOW_SOLUTION = SOLUTION.replace(
    "def train(train_ids, seed):",
    "def train(train_ids, seed):\n    import time\n\n    time.sleep(4)  # a stand-in for training",
)


def _log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct-horse-42")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def _paste(page, source):
    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(source)


def test_a_training_run_shows_its_clock_then_the_held_out_losses_and_curve(
    new_page, e2e_learner, live_worker, shots
):
    course_load(spec=read_course(FIXTURE))
    page = new_page()
    _log_in(page, e2e_learner.username)
    page.goto("/exercises/flat_gpt/")
    expect(page.locator("[data-long-note]")).to_contain_text("whole training run")

    _paste(page, SLOW_SOLUTION)
    page.get_by_role("button", name="Submit", exact=True).click()
    clock = page.locator("#verdict .verdict__elapsed")
    expect(clock).to_have_text(re.compile(r"running for [2-9] s"), timeout=20_000)
    shots(page, "running-clock")

    verdict = page.locator("#verdict .verdict")
    expect(verdict).to_have_class(re.compile("verdict--passed"), timeout=120_000)
    expect(page.locator("#verdict .verdict__elapsed")).to_have_count(0)
    expect(verdict).to_contain_text("2 of 2 tests passed")
    message = verdict.locator(".case__message")
    expect(message).to_have_count(1)  # the visible case only
    expect(message).to_contain_text(re.compile(r"a\s+4\.56"))
    expect(message).to_contain_text("(below 4.60)")
    curve = verdict.locator("svg.loss-curve")
    expect(curve).to_have_count(1)
    expect(curve).to_have_attribute("aria-label", re.compile(r"Training loss from 4\.60 to"))
    expect(curve.locator("polyline")).to_have_count(1)
    shots(page, "losses-and-curve")

    submission = Submission.objects.get(learner=e2e_learner, mode="submit")
    assert submission.verdict == "passed"
    # The same figure, drawn by the server, on the submission's own page.
    page.goto(f"/exercises/submissions/{submission.pk}/")
    expect(page.locator("svg.loss-curve")).to_have_count(1)
    shots(page, "submission-page")
    assert not page.js_errors


@pytest.mark.django_db(transaction=True)
def test_the_capstone_exercise_and_its_lesson_render(new_page, e2e_learner, shots):
    from django.conf import settings
    from django.core.management import call_command

    call_command("loadcourse", str(settings.CONTENT_DIR / "genai-llm"), verbosity=0)
    page = new_page()
    _log_in(page, e2e_learner.username)

    page.goto("/exercises/tiny_gpt_train/")
    expect(page.locator(".exercise-header h1")).to_have_text("Capstone: train a tiny GPT")
    statement = page.locator(".exercise-statement")
    expect(statement.locator("table")).to_have_count(1)
    expect(statement).to_contain_text("block.attn.qkv.weight")
    expect(page.locator("[data-long-note]")).to_contain_text("up to 60 s of CPU each")
    shots(page, "capstone-exercise")

    page.get_by_role("link", name="Build and train a tiny GPT").first.click()
    expect(page.locator("h1")).to_have_text("Build and train a tiny GPT")
    expect(page.locator(".prose table")).to_have_count(2)
    expect(page.locator(".prose .katex").first).to_be_visible()
    shots(page, "capstone-lesson")
    assert not page.js_errors
