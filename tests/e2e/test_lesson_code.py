"""Runnable lesson code in the browser: run, edit, run again, reset, draw a figure.

The runs go through the real stack: the page's fetch, the view, Redis, a real Celery
worker and the sandbox.
"""

import pytest
from playwright.sync_api import expect

from lessons.models import LessonRun
from tests.e2e.test_accessibility import axe_violations
from tests.factories import CourseFactory, LessonFactory, StageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BODY = """# Arrays, run where they stand

Make an array:

```python
import numpy as np

x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print("made x")
```

Its shape, using the `x` of the block above:

```python
print(x.shape)      # (2, 3)
```

A block that is only shown:

```python norun
input("this would wait for a keyboard")
```

And a picture:

```python
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
fig, ax = plt.subplots(figsize=(5, 3))
ax.plot(x[0], x[1], marker="o")
ax.set_title("x, row against row")
print("drawn")
```
"""


def log_in(page, username, password="correct-horse-42"):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


@pytest.fixture
def lesson(transactional_db):
    course = CourseFactory(slug="arrays", title="Arrays")
    stage = StageFactory(course=course, title="Basics")
    return LessonFactory(stage=stage, course=course, slug="run-them", title="Run them", body=BODY)


def block(page, number):
    return page.locator(f'.code-run[data-run-block="{number}"]')


def run_until_figure(page, number, *, timeout=30_000):
    """Run block `number` and return its first figure once the PNG has loaded."""
    page.get_by_role("button", name=f"Run block {number}").click()
    figure = block(page, number).get_by_role("img", name=f"Figure 1 drawn by block {number}")
    expect(figure).to_be_visible(timeout=timeout)
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=figure.element_handle()
    )
    return figure


def test_an_anonymous_visitor_is_invited_to_log_in(new_page, lesson, shots):
    page = new_page()
    page.goto(f"/courses/arrays/lessons/{lesson.slug}/")

    expect(page.get_by_role("link", name="Log in to run this code")).to_have_count(3)
    expect(page.get_by_role("button", name="Run block 2")).to_have_count(0)
    shots(page, "anonymous", full_page=False)
    assert page.js_errors == []


def test_a_learner_runs_edits_resets_and_draws_a_figure(
    new_page, live_worker, e2e_learner, lesson, shots
):
    page = new_page(bypass_csp=True)  # axe's script is injected at the end
    log_in(page, e2e_learner.username)
    page.goto(f"/courses/arrays/lessons/{lesson.slug}/")
    # Three runnable blocks; the norun block has no button.
    expect(page.get_by_role("button", name="Run block 1")).to_be_visible()
    expect(page.get_by_role("button", name="Run block 3")).to_have_count(0)
    expect(page.get_by_role("button", name="Run block 4")).to_be_visible()

    # 1. Run block 2: it uses the x that block 1 made, and block 1's print is not shown.
    page.get_by_role("button", name="Run block 2").click()
    output = block(page, 2).locator(".code-run__output")
    expect(output).to_have_text("(2, 3)", timeout=30_000)
    expect(block(page, 2).locator(".code-run__headline")).to_contain_text("Ran block 2")
    expect(block(page, 2)).not_to_contain_text("made x")
    shots(page, "ran-block-2", full_page=False)

    # 2. Edit it in place and run the edited version.
    page.get_by_role("button", name="Edit block 2").click()
    editor = block(page, 2).locator(".cm-content")
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type("print(x.sum(), x.T.shape)")
    page.get_by_role("button", name="Run block 2").click()
    expect(output).to_have_text("21.0 (3, 2)", timeout=30_000)
    shots(page, "ran-edited-block-2", full_page=False)
    assert LessonRun.objects.filter(block=2).latest("pk").source == "print(x.sum(), x.T.shape)"

    # 3. Reset restores the lesson's code; running it prints the shape again.
    page.get_by_role("button", name="Reset block 2").click()
    expect(block(page, 2).locator(".cm-editor")).to_have_count(0)
    expect(block(page, 2).locator("pre.highlight")).to_contain_text("print(x.shape)")
    page.get_by_role("button", name="Run block 2").click()
    expect(block(page, 2).locator(".code-run__output")).to_have_text("(2, 3)", timeout=30_000)

    # 4. A block that raises shows its traceback under the block.
    page.get_by_role("button", name="Edit block 2").click()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type("x[5, 0]")
    page.keyboard.press("Control+Enter")  # the editor's shortcut runs the block too
    error = block(page, 2).locator(".code-run__error")
    expect(error).to_contain_text("IndexError", timeout=30_000)
    expect(error).to_contain_text('File "block 2", line 1')
    shots(page, "block-2-raised", full_page=False)

    # 5. The figure block: Matplotlib draws in the sandbox, the PNG shows under the block.
    figure = run_until_figure(page, 4)
    expect(block(page, 4).locator(".code-run__output")).to_have_text("drawn")
    assert figure.evaluate("img => img.naturalWidth") == 500  # the PNG loaded, 5 in at 100 dpi
    figure.scroll_into_view_if_needed()
    shots(page, "figure", full_page=False)
    shots(page, "whole-lesson")
    # With an editor open, a traceback and a figure on the page: still accessible.
    assert axe_violations(page) == []
    assert page.js_errors == []


def test_output_and_figure_on_a_phone_in_dark_mode(
    new_page, live_worker, e2e_learner, lesson, shots
):
    page = new_page(viewport={"width": 390, "height": 844}, color_scheme="dark")
    log_in(page, e2e_learner.username)
    page.goto(f"/courses/arrays/lessons/{lesson.slug}/")

    figure = run_until_figure(page, 4)
    page.get_by_role("button", name="Run block 2").click()
    expect(block(page, 2).locator(".code-run__output")).to_have_text("(2, 3)", timeout=30_000)

    # The figure scales down to the column; nothing makes the page scroll sideways.
    width = page.evaluate("document.documentElement.clientWidth")
    box = figure.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The output panel follows the dark theme (light text on a dark background).
    colour = block(page, 2).locator(".code-run__output").evaluate("e => getComputedStyle(e).color")
    assert sum(int(c) for c in colour[colour.index("(") + 1 : -1].split(",")[:3]) > 3 * 170
    block(page, 2).scroll_into_view_if_needed()
    shots(page, "phone-dark-output", full_page=False)
    figure.scroll_into_view_if_needed()
    shots(page, "phone-dark-figure", full_page=False)
    assert page.js_errors == []


@pytest.fixture
def roomy_worker(transactional_db, redis_url, tmp_path):
    """A live worker whose lesson runs get room: this checks the page, not a loaded machine.

    The block takes about 4 s of CPU (docs/performance.md); next to another test suite on
    two cores its wall time can pass the default 20 s.
    """
    import redis

    from tests.live_worker import LiveWorker

    redis.Redis.from_url(redis_url).flushdb()
    worker = LiveWorker(
        broker_url=redis_url,
        log_path=tmp_path / "worker.log",
        LESSON_RUN_WALL_SECONDS=50,  # under the task's 60 s soft time limit
        LESSON_RUN_CPU_SECONDS=40,
    ).start()
    yield worker
    worker.stop()


def test_the_capstone_lesson_trains_and_draws_the_loss_curves(
    new_page, roomy_worker, e2e_learner, shots
):
    """The capstone's exercise returns weights only: its lesson is where the curves are."""
    from django.conf import settings

    from exercises.course_io.reader import read_course

    read = next(
        lesson
        for lesson in read_course(settings.CONTENT_DIR / "genai-llm").lessons()
        if lesson.slug == "build-and-train-a-tiny-gpt"
    )
    course = CourseFactory(slug="capstone", title="Capstone")
    stage = StageFactory(course=course, title="Generative AI and LLMs")
    LessonFactory(stage=stage, course=course, slug=read.slug, title=read.title, body=read.body)
    page = new_page()
    log_in(page, e2e_learner.username)
    page.goto(f"/courses/capstone/lessons/{read.slug}/")

    # Blocks 1-4 run again as context, then 300 training steps: seconds, not milliseconds.
    figure = run_until_figure(page, 5, timeout=120_000)
    expect(block(page, 5).locator(".code-run__output")).to_contain_text("after 300 steps")
    assert figure.evaluate("img => img.naturalWidth") == 800  # figsize (8, 3.5) at 100 dpi
    figure.scroll_into_view_if_needed()
    shots(page, "capstone-loss-curves", full_page=False)
    assert page.js_errors == []
