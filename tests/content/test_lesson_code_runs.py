"""Every Python block of the bundled course's lessons runs, in order, in the real sandbox.

Each block runs as a learner's Run button runs it: after the lesson's earlier blocks
(back to the last `fresh` one), re-run with their output discarded, in one sandbox job.
Where a block's comment states what it prints, the output is checked against it.
"""

import pytest
from django.conf import settings

from exercises.course_io.reader import read_course
from grader.sandbox import Limits, Sandbox
from grader.sandbox.lessonrun import run_lesson_block
from lessons.codeblocks import python_blocks, run_context
from lessons.figures import figure_check

pytestmark = pytest.mark.sandbox

LESSONS = read_course(settings.CONTENT_DIR / "genai-llm").lessons()
# Generous: this checks that the code is right, not how fast a loaded machine is.
LIMITS = Limits(wall_seconds=120, cpu_seconds=60, memory_mb=512)

# (lesson, block, a line its comment says it prints)
STATED = [
    ("linear-algebra", 1, "0.0"),
    ("linear-algebra", 1, "5.0"),
    ("linear-algebra", 2, "(5, 4)"),
    ("python-numpy-pandas-matplotlib", 1, "(2, 3) 2 float64"),
    ("python-numpy-pandas-matplotlib", 1, "int64 float64"),
    ("python-numpy-pandas-matplotlib", 1, "[-56]"),
    ("python-numpy-pandas-matplotlib", 3, "(3, 1)"),
    ("python-numpy-pandas-matplotlib", 5, "[0. 0. 7. 7. 0. 0.]"),
    ("python-numpy-pandas-matplotlib", 5, "True False"),
    ("algorithms-and-data-structures", 2, "[('the', 3), ('cat', 1)]"),
    ("algorithms-and-data-structures", 3, "[(0.91, 1), (0.88, 5), (0.77, 3)]"),
    ("algorithms-and-data-structures", 3, "[1, 5, 3]"),
    ("algorithms-and-data-structures", 5, "[('aa', 7), ('ba', 7), ('ab', 5), ('zz', 2)]"),
    ("algorithms-and-data-structures", 5, "('ba', 7)"),
    ("algorithms-and-data-structures", 7, "2 2"),
    ("pretraining-and-fine-tuning", 3, "16777216 65536 0.39%"),
    ("pretraining-and-fine-tuning", 3, "tensor(8)"),
]


@pytest.fixture(scope="module")
def runs():
    """Run every runnable block of every lesson once: {(lesson slug, block): result}."""
    box = Sandbox()
    results = {}
    try:
        for lesson in LESSONS:
            blocks = python_blocks(lesson.body)
            for block in blocks:
                if not block.runnable:
                    continue
                context = [(b.number, b.source) for b in run_context(blocks, block.number)]
                results[lesson.slug, block.number] = run_lesson_block(
                    box, context=context, number=block.number, source=block.source, limits=LIMITS
                )
    finally:
        box.close()
    return results


def test_every_block_of_every_lesson_runs_without_raising(runs):
    assert len(runs) >= 90  # about 92 blocks in 26 lessons: a parser change would show here
    failed = {
        key: (r.status, r.message, r.error, r.context_error)
        for key, r in runs.items()
        if r.status != "ok" or r.error is not None or r.context_error is not None
    }
    assert failed == {}


@pytest.mark.parametrize(("lesson", "block", "line"), STATED)
def test_a_block_prints_what_its_comment_says(runs, lesson, block, line):
    output = runs[lesson, block].output
    assert line in output.splitlines(), output


def test_the_context_runs_silently_and_only_the_block_prints(runs):
    # Block 3 of the NumPy lesson builds on blocks 1 and 2, which print a lot.
    output = runs["python-numpy-pandas-matplotlib", 3].output
    assert "(2, 3) 2 float64" not in output
    assert output.splitlines()[0] == "(3,)"


def test_pandas_works_in_lesson_code(runs):
    output = runs["python-numpy-pandas-matplotlib", 7].output
    assert "accuracy" in output and "mean" in output and "float64" in output


def test_the_matplotlib_block_sends_back_one_checked_png(runs):
    result = runs["python-numpy-pandas-matplotlib", 8]

    assert len(result.figures) == 1
    info = figure_check("figure-1.png", result.figures[0])
    assert (info.width, info.height) == (1200, 350)  # figsize (12, 3.5) at 100 dpi


def test_the_capstone_lesson_draws_its_training_and_held_out_curves(runs):
    # The capstone's exercise returns weights only, so the lesson is where a learner sees
    # a loss curve: the training loss must end well below the loss on the unseen text.
    result = runs["build-and-train-a-tiny-gpt", 5]
    summary = next(line for line in result.output.splitlines() if line.startswith("after 300"))
    training, unseen = (float(part.split()[-1]) for part in summary.split(":")[1].split(","))
    lowest_step = int(result.output.split("lowest on the new text:")[1].split()[2])

    assert len(result.figures) == 1
    assert figure_check("figure-1.png", result.figures[0]).width == 800
    assert training < unseen - 0.3, summary
    assert lowest_step < 300  # the unseen text's loss turned back up: overfitting shows
