"""A learner solves every exercise of the bundled course (content/genai-llm) in the browser.

One browser page, one real Celery worker, one long test: for each of its exercises the
learner opens it from the course roadmap, reads the statement (KaTeX typeset, no TeX left
as raw text), pastes a correct solution into the CodeMirror editor, submits it and waits
for the verdict to come in without a reload. The solutions are the learner-style ones of
tests/content/alternatives/<slug>/ (the first file of each folder), not the trusted
reference, so a broken exercise (cases, reference, comparison or grader) fails here with
the exercise's slug in the message.
"""

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from exercises.models import Exercise, Progress, Submission
from grader.exercise_cache import prepared_exercise
from lessons.models import Course, Stage

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

COURSE_DIR = settings.CONTENT_DIR / "genai-llm"
ALTERNATIVES = Path(__file__).resolve().parents[1] / "content" / "alternatives"
VERDICT_TIMEOUT_MS = 60_000  # a busy 2-core machine grading torch code: generous, no sleeps
# Every exercise package of the course folder: the test solves them all.
EXPECTED = len(list(COURSE_DIR.glob("*/*/exercise.toml")))
# A trained-model exercise trains once per case (up to 60 s of CPU each, on grading-long).
LONG_VERDICT_TIMEOUT_MS = 10 * 60_000

# Exercises without a folder of alternatives get a learner-style solution from here
# (softmax has none yet): log-sum-exp, not the reference's max-shift-then-normalise.
FALLBACK_SOLUTIONS = {
    "softmax": (
        "import numpy as np\n"
        "\n"
        "\n"
        "def softmax(x, axis=-1):\n"
        "    top = x.max(axis=axis, keepdims=True)\n"
        "    log_norm = top + np.log(np.exp(x - top).sum(axis=axis, keepdims=True))\n"
        "    return np.exp(x - log_norm)\n"
    ),
}

# What the statement looks like once math.js has run: every .math typeset by KaTeX, no
# KaTeX error, and no "$" or TeX command left in the prose (code blocks aside).
STATEMENT_REPORT_JS = r"""
(prose) => {
  const maths = Array.from(prose.querySelectorAll(".math"));
  const clone = prose.cloneNode(true);
  clone.querySelectorAll("pre, code, .math").forEach((node) => node.remove());
  const text = clone.textContent;
  const around = (pattern) => Array.from(text.matchAll(pattern), (m) => {
    const start = Math.max(0, m.index - 40);
    return text.slice(start, m.index + 40).replace(/\s+/g, " ");
  });
  return {
    math: maths.length,
    display: prose.querySelectorAll(".math-display .katex-display").length,
    untypeset: maths.filter((m) => !m.querySelector(".katex")).map((m) => m.textContent),
    errors: Array.from(prose.querySelectorAll(".katex-error"), (e) => e.title || e.textContent),
    dollars: around(/\$/g),
    tex: around(/\\[A-Za-z]+/g),
  };
}
"""


@dataclass
class Planned:
    exercise: Exercise
    source: str
    case_names: list[str]
    hidden: int


def solution_for(slug: str) -> str:
    folder = ALTERNATIVES / slug
    files = sorted(folder.glob("*.py")) if folder.is_dir() else []
    if files:
        return files[0].read_text()
    assert slug in FALLBACK_SOLUTIONS, f"{slug}: no alternative solution to paste"
    return FALLBACK_SOLUTIONS[slug]


def plan(exercise: Exercise) -> Planned:
    cases = prepared_exercise(exercise).cases  # cases.py runs in an author job, not here
    return Planned(
        exercise=exercise,
        source=solution_for(exercise.slug),
        case_names=[case.name for case in cases],
        hidden=sum(not case.visible for case in cases),
    )


def log_in(page, username, password="correct-horse-42"):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def check_statement(page, exercise: Exercise) -> None:
    slug = exercise.slug
    expect(page.locator(".exercise-header h1"), f"{slug}: title").to_have_text(exercise.title)
    prose = page.locator(".exercise-statement > .prose")
    expect(prose, f"{slug}: statement").to_be_visible()
    expect(prose.locator("pre").first, f"{slug}: signature block").to_contain_text(
        f"def {exercise.entry_point}("
    )
    if "$" not in exercise.statement:
        return
    # math.js typesets on DOMContentLoaded: wait for it rather than for a fixed time.
    expect(
        prose.locator(".math:not([data-typeset])"), f"{slug}: math left untypeset"
    ).to_have_count(0)
    report = prose.evaluate(STATEMENT_REPORT_JS)
    assert report["math"] > 0, f"{slug}: the statement has $…$ but no math element"
    assert not report["untypeset"], f"{slug}: math KaTeX did not render: {report['untypeset']}"
    assert not report["errors"], f"{slug}: KaTeX errors: {report['errors']}"
    assert not report["dollars"], f"{slug}: raw $ left in the statement: {report['dollars']}"
    assert not report["tex"], f"{slug}: raw TeX left in the statement: {report['tex']}"
    if "$$" in exercise.statement:
        assert report["display"] > 0, f"{slug}: no display math rendered"


def paste_solution(page, slug: str, source: str) -> None:
    """Focus the editor, select all and insert the text in one go, as a paste would."""
    content = page.locator(".cm-content")
    expect(content, f"{slug}: editor").to_be_visible()
    content.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(source)
    # Auto-indentation and bracket closing must not have touched what was pasted.
    in_editor = page.evaluate("document.getElementById('id_source_code').codeEditor.getValue()")
    assert in_editor == source, f"{slug}: the editor changed the paste:\n" + "\n".join(
        difflib.unified_diff(source.splitlines(), in_editor.splitlines(), lineterm="")
    )
    assert page.locator("#id_source_code").input_value() == source, (
        f"{slug}: the form field is out of sync with the editor"
    )


def submit_and_check_verdict(page, planned: Planned) -> None:
    slug = planned.exercise.slug
    total = len(planned.case_names)
    page.evaluate("window.__noReload = true")
    page.get_by_role("button", name="Submit", exact=True).click()
    verdict = page.locator("#verdict .verdict")
    expect(verdict, f"{slug}: no verdict").to_have_class(
        re.compile(r"verdict--(passed|failed)"),
        timeout=LONG_VERDICT_TIMEOUT_MS if planned.exercise.is_long else VERDICT_TIMEOUT_MS,
    )
    text = verdict.inner_text()
    assert "verdict--passed" in verdict.get_attribute("class"), f"{slug}: not passed:\n{text}"
    assert "All tests passed" in text, f"{slug}:\n{text}"
    assert f"{total} of {total} tests passed" in text, f"{slug}:\n{text}"
    assert verdict.locator(".case--failed").count() == 0, f"{slug}:\n{text}"
    listed = verdict.locator(".case__name").all_inner_texts()
    assert sorted(listed) == sorted(planned.case_names), f"{slug}: cases listed {listed}"
    assert verdict.locator(".case--passed").count() == total, f"{slug}:\n{text}"
    assert verdict.locator(".tag--hidden").count() == planned.hidden, f"{slug}:\n{text}"
    expect(page.get_by_text("Solved just now"), f"{slug}: solved badge").to_be_visible()
    assert page.evaluate("window.__noReload") is True, f"{slug}: the page reloaded"


def test_a_learner_solves_every_exercise_of_the_bundled_course(
    new_page, e2e_learner, live_worker, shots, settings
):
    # More submits than the default SUBMISSION_RATE (30/m) allows in the minute or two the
    # test takes; a day-long window has no boundary mid-test.
    settings.SUBMISSION_RATE = "500/d"
    call_command("loadcourse", str(COURSE_DIR), verbosity=0)
    course = Course.objects.get(slug="genai-llm")
    stages = list(Stage.objects.filter(course=course).order_by("order"))
    exercises = Exercise.objects.published().filter(stage__course=course)
    assert exercises.count() == EXPECTED
    assert len(stages) == 5

    page = new_page()
    log_in(page, e2e_learner.username)
    page.goto("/")
    page.get_by_role("link", name=course.title).first.click()
    expect(page.get_by_role("heading", name=course.title, level=1)).to_be_visible()

    solved = 0
    for stage_number, stage in enumerate(stages, start=1):
        by_title = {e.title: e for e in exercises.filter(stage=stage)}
        section = page.locator(f"#stage-{stage.slug}")
        titles = section.locator(".item--exercise > a").all_inner_texts()
        assert sorted(titles) == sorted(by_title), f"stage {stage.slug}: roadmap lists {titles}"

        for index, title in enumerate(titles):
            exercise = by_title[title]
            planned = plan(exercise)
            # From the roadmap, as a learner goes: the stage's link to the exercise.
            section.get_by_role("link", name=title, exact=True).click()
            expect(page, f"{exercise.slug}: link").to_have_url(
                re.compile(rf"/exercises/{re.escape(exercise.slug)}/$")
            )
            check_statement(page, exercise)
            paste_solution(page, exercise.slug, planned.source)
            submit_and_check_verdict(page, planned)
            solved += 1
            if index == 0:
                page.evaluate("window.scrollTo(0, 0)")  # the sticky header at the top
                shots(page, f"stage{stage_number}-{exercise.slug}-solved")
            # Back to the roadmap through the breadcrumb; the exercise now shows as solved.
            page.locator(".breadcrumbs").get_by_role("link", name=course.title).click()
            item = section.locator(
                ".item--exercise", has=page.get_by_role("link", name=title, exact=True)
            )
            expect(item, f"{exercise.slug}: roadmap marker").to_have_class(
                re.compile("item--solved")
            )

    assert solved == EXPECTED
    # The roadmap: every exercise solved, each stage ring counting all its exercises done
    # (the rings also count lessons, which this learner did not mark as read).
    expect(page.locator(".item--exercise")).to_have_count(EXPECTED)
    expect(page.locator(".item--exercise.item--solved")).to_have_count(EXPECTED)
    expect(page.locator(".item--exercise .item__state")).to_have_text(["Solved"] * EXPECTED)
    for stage in stages:
        count = exercises.filter(stage=stage).count()
        ring = page.locator(f"#stage-{stage.slug} .stage__progress [role=img]")
        expect(ring, stage.slug).to_have_attribute(
            "aria-label", re.compile(rf"\({count} of \d+\)$")
        )
    course_ring = page.locator(".course-hero__ring [role=img]")
    expect(course_ring).to_have_attribute("aria-label", re.compile(rf"\({EXPECTED} of \d+\)$"))
    shots(page, "roadmap-all-solved")

    # My progress: every stage reads "n/n exercises", every best score 100%.
    page.get_by_role("link", name="My progress").click()
    for stage in stages:
        count = exercises.filter(stage=stage).count()
        card = page.locator(
            ".progress-stage", has=page.get_by_role("heading", name=stage.title, exact=True)
        )
        expect(card.locator(".progress-stage__header .muted"), stage.slug).to_contain_text(
            f"{count}/{count} exercises"
        )
    expect(page.locator(".table--progress tbody tr")).to_have_count(EXPECTED)
    expect(page.locator(".table--progress .pill--passed")).to_have_count(EXPECTED)
    expect(page.locator(".table--progress tbody td:nth-child(3)")).to_have_text(["100%"] * EXPECTED)
    shots(page, "progress-all-solved")

    assert Progress.objects.filter(learner=e2e_learner, solved_at__isnull=False).count() == EXPECTED
    assert Submission.objects.filter(learner=e2e_learner, mode="submit").count() == EXPECTED
    assert page.js_errors == []
