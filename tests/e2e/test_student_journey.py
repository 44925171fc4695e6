"""A learner signs up, reads, solves an exercise graded by a real worker, and sees progress."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from exercises.models import Draft, Submission
from lessons.models import LessonCompletion
from tests.e2e.course import build_e2e_course

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SOLUTION_LINES = ["import numpy as np", "", "", "def double(x):", "return 2 * x"]


def type_into_editor(page, lines):
    """Replace the editor's text by typing, as a person would (CodeMirror auto-indents)."""
    editor = page.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    for index, line in enumerate(lines):
        if index:
            page.keyboard.press("Enter")
        if line:
            page.keyboard.type(line)


def ring_percent(page, label: str) -> int:
    aria = page.locator(f'[role="img"][aria-label*="{label}"]').first.get_attribute("aria-label")
    return int(re.match(r"(\d+)%", aria).group(1))


def test_learner_signs_up_reads_solves_and_sees_progress(new_page, live_worker, shots):
    data = build_e2e_course()
    page = new_page()

    # 1. The course list, anonymous.
    page.goto("/")
    expect(page.get_by_role("heading", name="Courses", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Numerical Python, by hand")).to_be_visible()
    shots(page, "course-list-anonymous")

    # 2. Sign up.
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Username").fill("grace")
    page.get_by_label("Email").fill("grace@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-enough-passphrase-1")
    page.get_by_label("Password confirmation").fill("a-long-enough-passphrase-1")
    shots(page, "signup-form")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    shots(page, "signup-check-your-email")
    link = re.search(r"https?://[^/\s]+(/accounts/activate/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    expect(page.get_by_text("Welcome, grace!")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    # 3. The course page: the roadmap, nothing done yet.
    page.get_by_role("link", name="Numerical Python, by hand").click()
    expect(page.get_by_role("heading", name="Foundations")).to_be_visible()
    expect(page.get_by_role("heading", name="Probability")).to_be_visible()
    before = ring_percent(page, "of the course done")
    assert before == 0
    shots(page, "course-roadmap-start")

    # 4. Read a lesson: KaTeX typesets the math, Pygments coloured the code.
    page.get_by_role("link", name="Vectors and norms", exact=True).click()
    expect(page.get_by_role("heading", name="Vectors and norms", level=1)).to_be_visible()
    expect(page.locator(".math-display .katex-display")).to_have_count(1)
    assert page.locator(".math-inline .katex").count() >= 3
    expect(page.locator("pre.highlight .kn").first).to_have_text("import")
    shots(page, "lesson-with-math")
    page.get_by_role("button", name="Mark as complete", exact=True).click()
    expect(page.get_by_text("is marked as complete")).to_be_visible()
    assert LessonCompletion.objects.filter(learner__username="grace").count() == 1

    # 5. The exercise: a real editor holding the starter code.
    page.get_by_role("link", name="Double a vector", exact=True).click()
    expect(page.locator(".cm-editor")).to_be_visible()
    expect(page.locator(".cm-content")).to_contain_text("raise NotImplementedError")
    expect(page.locator(".cm-lineNumbers")).to_be_visible()
    expect(page.get_by_text("Forbidden (checked on a best-effort basis):")).to_be_visible()
    page.get_by_role("button", name="Show a hint").click()
    expect(page.get_by_text("Multiplying an array by a number")).to_be_visible()
    page.evaluate("window.__noReload = 'still here'")

    # 6. Run the visible tests on the starter: the verdict appears, no reload.
    page.get_by_role("button", name="Run visible tests").click()
    verdict = page.locator("#verdict .verdict")
    expect(verdict).to_have_class(re.compile("verdict--failed"), timeout=30_000)
    expect(verdict).to_contain_text("small vector")
    expect(verdict).to_contain_text("NotImplementedError")
    shots(page, "exercise-run-failed")

    # 7. Type a solution with the keyboard and submit it.
    type_into_editor(page, SOLUTION_LINES)
    assert page.locator("#id_source_code").input_value() == (
        "import numpy as np\n\n\ndef double(x):\n    return 2 * x"
    )
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(verdict).to_have_class(re.compile("verdict--passed"), timeout=30_000)
    expect(verdict).to_contain_text("All tests passed")
    expect(verdict).to_contain_text("negative values")  # a hidden case: name only
    expect(verdict.locator(".tag--hidden")).to_have_count(1)
    expect(page.get_by_text("Solved just now")).to_be_visible()
    assert page.evaluate("window.__noReload") == "still here"
    expect(page.locator("table[data-history] tbody tr")).to_have_count(2)
    shots(page, "exercise-submit-passed")

    submission = Submission.objects.get(learner__username="grace", mode="submit")
    assert (submission.status, submission.verdict, submission.score) == ("done", "passed", 1.0)
    assert Draft.objects.get(learner__username="grace").source_code.endswith("return 2 * x")

    # 8. Progress went up on the course page and on the progress page.
    page.goto(f"/courses/{data.course.slug}/")
    after = ring_percent(page, "of the course done")
    assert after > before
    expect(page.locator(".marker--solved")).to_have_count(1)
    expect(page.locator(".marker--completed")).to_have_count(1)
    shots(page, "course-roadmap-progress")

    page.get_by_role("link", name="My progress").click()
    expect(page.get_by_role("img", name=re.compile("Submissions per day"))).to_be_visible()
    expect(page.locator(".chart__bar--passed")).to_have_count(1)
    shots(page, "progress-page")

    # 9. The submission's own page.
    page.goto(f"/exercises/submissions/{submission.pk}/")
    expect(page.get_by_text("All tests passed")).to_be_visible()
    expect(page.locator(".code-listing")).to_contain_text("return 2 * x")
    shots(page, "submission-page")

    assert page.js_errors == []
