"""The editor's keyboard behaviour, draft autosave, and the pages without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from exercises.models import Draft, Submission
from tests.e2e.course import build_e2e_course

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, username, password="correct-horse-42"):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_editor_indents_with_tab_highlights_python_and_autosaves(new_page, e2e_learner, shots):
    data = build_e2e_course()
    page = new_page()
    log_in(page, e2e_learner.username)
    page.goto(f"/exercises/{data.exercise.slug}/")

    content = page.locator(".cm-content")
    content.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type("def double(x):")
    page.keyboard.press("Enter")  # Python indentation after a colon
    page.keyboard.type("y = x")
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")  # dedent the automatic indentation...
    page.keyboard.press("Tab")  # ...and indent again: Tab stays in the editor
    page.keyboard.type("return y * 2")

    source = page.locator("#id_source_code")
    assert source.input_value() == "def double(x):\n    y = x\n    return y * 2"
    assert page.evaluate("document.activeElement.classList.contains('cm-content')")
    # Syntax highlighting: `def` and `return` are styled as keywords, in a monospace font.
    keyword_colour = page.locator(".cm-line span", has_text="return").first.evaluate(
        "el => getComputedStyle(el).color"
    )
    plain_colour = page.locator(".cm-content").evaluate("el => getComputedStyle(el).color")
    assert keyword_colour != plain_colour
    font = page.locator(".cm-content").evaluate("el => getComputedStyle(el).fontFamily")
    assert "mono" in font.lower() or "consolas" in font.lower()
    expect(page.locator(".cm-gutterElement", has_text="3")).to_be_visible()

    expect(page.locator("[data-save-status]")).to_have_text("Saved", timeout=10_000)
    draft = Draft.objects.get(learner=e2e_learner, exercise=data.exercise)
    assert draft.source_code == "def double(x):\n    y = x\n    return y * 2"
    shots(page, "editor-typed-and-saved", full_page=False)

    # The draft is what the editor opens with next time.
    page.reload()
    expect(page.locator(".cm-content")).to_contain_text("return y * 2")
    # Escape, then Tab, leaves the editor for the next control (no keyboard trap).
    page.locator(".cm-content").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.classList.contains('cm-content')")
    assert page.js_errors == []


def test_too_large_code_is_refused_in_the_page_without_a_request(new_page, e2e_learner, settings):
    settings.SUBMISSION_MAX_BYTES = 40
    data = build_e2e_course()
    page = new_page()
    log_in(page, e2e_learner.username)
    page.goto(f"/exercises/{data.exercise.slug}/")

    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("x = '" + "a" * 60 + "'")
    page.get_by_role("button", name="Submit", exact=True).click()

    expect(page.locator("#verdict [role=alert]")).to_contain_text("the limit is 40 bytes")
    assert not Submission.objects.exists()


@pytest.mark.worker
def test_rate_limited_submit_shows_a_readable_message(new_page, e2e_learner, settings, live_worker):
    settings.SUBMISSION_RATE = "1/d"  # fixed windows: a day leaves no boundary mid-test
    data = build_e2e_course()
    page = new_page()
    log_in(page, e2e_learner.username)
    page.goto(f"/exercises/{data.exercise.slug}/")

    page.get_by_role("button", name="Run visible tests").click()
    expect(page.locator("#verdict .verdict--failed")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Run visible tests").click()

    expect(page.locator("#verdict [role=alert]")).to_contain_text("faster than the grader allows")
    assert Submission.objects.count() == 1


@pytest.mark.worker
def test_without_javascript_the_form_posts_and_the_submission_page_refreshes(
    new_page, e2e_learner, live_worker, shots
):
    data = build_e2e_course()
    page = new_page(java_script_enabled=False)
    log_in(page, e2e_learner.username)
    page.goto(f"/exercises/{data.exercise.slug}/")

    textarea = page.get_by_role("textbox", name="Your solution")
    expect(textarea).to_be_visible()  # no editor bundle runs: the textarea is the editor
    textarea.fill("def double(x):\n    return x + x\n")
    shots(page, "no-js-exercise", full_page=False)
    page.get_by_role("button", name="Submit", exact=True).click()

    expect(page).to_have_url(re.compile(r"/exercises/submissions/\d+/$"))
    # <noscript> meta refresh reloads the page until the verdict is in.
    expect(page.get_by_text("All tests passed")).to_be_visible(timeout=30_000)
    shots(page, "no-js-verdict")
