"""Running a stored lesson run: context from the lesson text, output and figures recorded."""

import pytest

from grader.lesson_runs import checked_figures, lesson_run_execute
from grader.sandbox.lessonrun import LessonRunResult
from lessons.models import LessonRun
from tests.factories import LessonFactory, UserFactory

pytestmark = [pytest.mark.sandbox, pytest.mark.django_db]

BODY = """# Demo

```python
import numpy as np
secret_of_the_lesson = np.arange(3)
print("block one prints")
```

```python norun
raise SystemExit("never run")
```

```python
import matplotlib.pyplot as plt
print(secret_of_the_lesson.sum())
plt.plot(secret_of_the_lesson)
```
"""


def make_run(source, block=3, body=BODY):
    lesson = LessonFactory(body=body)
    return LessonRun.objects.create(
        learner=UserFactory(), lesson=lesson, block=block, source=source
    )


def test_a_run_is_executed_after_the_lessons_own_earlier_blocks_and_recorded():
    lessons_own_block_3 = BODY.split("```python\n")[-1].split("```")[0]
    run = make_run(lessons_own_block_3)

    lesson_run_execute(run_id=run.pk)

    run.refresh_from_db()
    assert (run.status, run.outcome, run.error, run.message) == ("done", "ok", "", "")
    assert run.output == "3\n"  # block 1's print is discarded, block 2 (norun) never runs
    figure = run.figures.get()
    assert figure.position == 1 and bytes(figure.png).startswith(b"\x89PNG")
    assert run.wall_ms > 0


def test_the_edited_source_runs_not_the_lessons_and_errors_are_recorded():
    run = make_run("print(secret_of_the_lesson * 2)\n1 / 0\n")

    lesson_run_execute(run_id=run.pk)

    run.refresh_from_db()
    assert run.outcome == "error" and run.output == "[0 2 4]\n"
    assert "ZeroDivisionError" in run.error and 'File "block 3", line 2' in run.error


def test_running_twice_records_once():
    run = make_run("print('once')")
    lesson_run_execute(run_id=run.pk)
    first = LessonRun.objects.get(pk=run.pk).finished_at

    lesson_run_execute(run_id=run.pk)

    assert LessonRun.objects.get(pk=run.pk).finished_at == first
    assert run.figures.count() == 0


def test_a_block_that_left_the_lesson_is_reported_not_run():
    run = make_run("print('x')", block=3)
    run.lesson.body = "```python\nx = 1\n```\n"
    run.lesson.save()

    lesson_run_execute(run_id=run.pk)

    run.refresh_from_db()
    assert run.outcome == "unavailable" and "no longer in the lesson" in run.message


def test_a_failing_lesson_block_is_named_in_the_message():
    body = "```python\nimport numpy as np\nnp.missing_function()\n```\n\n```python\nprint(1)\n```\n"
    run = make_run("print(1)", block=2, body=body)

    lesson_run_execute(run_id=run.pk)

    run.refresh_from_db()
    assert run.outcome == "error" and run.output == ""
    assert run.message.startswith("Block 1 of this lesson, which this block builds on, raised")
    assert "AttributeError" in run.message


def test_figures_that_fail_the_checks_are_dropped_with_a_note():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (5000).to_bytes(4, "big") * 2 + b"\0" * 9
    result = LessonRunResult(status="ok", figures=[b"GIF89a not a png", png], omitted_figures=3)

    figures, notes = checked_figures(result)

    assert figures == []
    assert notes[0].startswith("Figure 1 is not shown: not a PNG file")
    assert notes[1].startswith("Figure 2 is not shown:") and "4096" in notes[1]
    assert notes[2] == "Only the first 2 figures are shown (3 more)."
