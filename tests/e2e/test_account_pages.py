"""Profile and API tokens, error pages, and the layout on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import ApiToken
from tests.e2e.course import build_e2e_course

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, username, password="correct-horse-42"):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_learner_creates_sees_once_and_revokes_a_token(new_page, e2e_learner, shots):
    page = new_page()
    log_in(page, e2e_learner.username)

    page.get_by_role("link", name=re.compile(e2e_learner.username)).click()
    page.get_by_label("Token name").fill("laptop")
    page.get_by_role("button", name="Create token").click()
    raw = page.locator("#raw-token").input_value()
    assert raw.startswith("cp_")
    expect(page.locator(".code-listing").first).to_contain_text(f"--token {raw}")
    shots(page, "token-created")

    page.goto("/accounts/profile/")
    expect(page.locator("#raw-token")).to_have_count(0)
    expect(page.get_by_role("cell", name="laptop", exact=True)).to_be_visible()
    page.get_by_role("button", name="Revoke token laptop").click()
    expect(page.get_by_text("The token is revoked")).to_be_visible()
    assert ApiToken.objects.get().revoked_at is not None
    shots(page, "token-revoked")


def test_unknown_page_shows_the_friendly_404(new_page, shots):
    page = new_page()

    response = page.goto("/exercises/no-such-exercise/")

    assert response.status == 404
    expect(page.get_by_role("heading", name="This page does not exist")).to_be_visible()
    shots(page, "not-found")


def test_phone_layout_stacks_and_keeps_everything_reachable(new_page, e2e_learner, shots):
    data = build_e2e_course()
    page = new_page(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    log_in(page, e2e_learner.username)

    page.goto(f"/courses/{data.course.slug}/")
    expect(page.get_by_role("heading", name="Foundations")).to_be_visible()
    # Nothing overflows sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shots(page, "phone-course")

    page.goto(f"/exercises/{data.exercise.slug}/")
    expect(page.locator(".cm-editor")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shots(page, "phone-exercise-top", full_page=False)
    page.locator(".cm-editor").scroll_into_view_if_needed()
    # The gutter's line numbers settle on the same rows as the code lines (CodeMirror
    # measures in an animation frame after layout).
    page.wait_for_function(
        """() => {
      const tops = sel => [...document.querySelectorAll(sel)]
        .filter(e => e.getBoundingClientRect().height > 0)
        .map(e => Math.round(e.getBoundingClientRect().top));
      const lines = tops('.cm-line'), numbers = tops('.cm-lineNumbers .cm-gutterElement');
      return lines.length > 0 && JSON.stringify(lines) === JSON.stringify(numbers);
    }""",
        timeout=5_000,
    )
    shots(page, "phone-exercise-editor", full_page=False)

    page.goto(f"/courses/{data.course.slug}/lessons/{data.lesson.slug}/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shots(page, "phone-lesson")
