"""Accessibility in a real browser: axe-core on every page type, and an exercise solved
with the keyboard alone."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from exercises.models import Submission
from tests.e2e.course import build_e2e_course
from tests.e2e.test_account_pages import log_in
from tests.lessons.builders import solve

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page; return the serious and critical violations."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["name"] == "axe-core" and len(result["passes"]) > 10
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "where": [node["target"] for node in v["nodes"][:3]],
        }
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_axe_violation_on_any_page_type(
    new_page, e2e_learner, e2e_staff, shots, scheme
):
    data = build_e2e_course()
    solve(e2e_learner, data.exercise)
    submission = Submission.objects.get(learner=e2e_learner)
    # axe's script is injected into the page, which a Content-Security-Policy would refuse.
    anonymous = new_page(color_scheme=scheme, bypass_csp=True)
    learner = new_page(color_scheme=scheme, bypass_csp=True)
    staff = new_page(color_scheme=scheme, bypass_csp=True)
    log_in(learner, e2e_learner.username)
    log_in(staff, e2e_staff.username)
    course = f"/courses/{data.course.slug}/"
    visits = [
        (anonymous, "login", "/accounts/login/"),
        (anonymous, "signup", "/accounts/signup/"),
        (anonymous, "course-list", "/"),
        (learner, "course", course),
        (learner, "lesson", f"{course}lessons/{data.lesson.slug}/"),
        (learner, "exercise", f"/exercises/{data.exercise.slug}/"),
        (learner, "submission", f"/exercises/submissions/{submission.pk}/"),
        (learner, "progress", "/exercises/progress/"),
        (learner, "profile", "/accounts/profile/"),
        (learner, "password-change", "/accounts/password/change/"),
        (anonymous, "password-reset", "/accounts/password/reset/"),
        (staff, "gradebook", f"/exercises/gradebook/{data.course.slug}/"),
    ]
    found = {}
    for page, label, url in visits:
        response = page.goto(url)
        assert response.status == 200, (label, url, response.status)
        page.wait_for_load_state("networkidle")
        violations = axe_violations(page)
        if violations:
            found[label] = violations
        shots(page, f"{label}-{scheme}", full_page=False)

    assert not found, json.dumps(found, indent=1)


TYPED_SOLUTION = ["import numpy as np", "", "", "def double(x):", "return 2 * x"]


def tab_to(page, description: str, is_target: str, limit: int = 60) -> None:
    """Press Tab until the focused element satisfies the JS predicate `is_target`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {is_target}; }})()"):
            return
    raise AssertionError(f"{description} was not reached with {limit} presses of Tab")


@pytest.mark.worker
def test_a_learner_solves_an_exercise_with_the_keyboard_only(
    new_page, e2e_learner, live_worker, shots
):
    data = build_e2e_course()
    page = new_page()
    page.goto("/accounts/login/")
    tab_to(page, "the username field", "e.name === 'username'")
    page.keyboard.type(e2e_learner.username)
    page.keyboard.press("Tab")
    page.keyboard.type("correct-horse-42")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto(f"/exercises/{data.exercise.slug}/")
    tab_to(page, "the code editor", "e.classList.contains('cm-content')")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    for index, line in enumerate(TYPED_SOLUTION):
        if index:
            page.keyboard.press("Enter")
        page.keyboard.type(line)
    shots(page, "typed")

    # Ctrl+Enter runs the visible tests from inside the editor.
    page.keyboard.press("Control+Enter")
    verdict = page.locator("#verdict .verdict")
    expect(verdict).to_have_class(re.compile("verdict--passed"), timeout=30_000)

    # Escape, then Tab, leaves the editor; Tab on to Submit and press Enter.
    page.keyboard.press("Escape")
    tab_to(page, "the Submit button", "e.tagName === 'BUTTON' && e.textContent.trim() === 'Submit'")
    focus_ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus_ring != "none", "the focused Submit button shows no focus ring"
    page.keyboard.press("Enter")
    expect(verdict).to_contain_text("All tests passed", timeout=30_000)
    expect(page.get_by_text("Solved just now")).to_be_visible()
    shots(page, "submitted")

    submit = Submission.objects.get(learner=e2e_learner, mode="submit")
    assert (submit.status, submit.verdict) == ("done", "passed")
    assert page.js_errors == []
