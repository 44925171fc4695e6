"""Lesson jobs in the real sandbox: context, output, errors, figures, limits, forged frames."""

import pytest

from grader.sandbox import Limits
from grader.sandbox.lessonrun import parse_lesson_stream, run_lesson_block
from grader.sandbox.runtime import wire
from lessons.figures import figure_check

pytestmark = pytest.mark.sandbox

LIMITS = Limits(wall_seconds=30, cpu_seconds=20, memory_mb=256)
CONTEXT = [(1, "import numpy as np\nprint('context says hi')\nx = np.arange(4)\n")]


def run(sandbox, source, context=CONTEXT, limits=LIMITS):
    return run_lesson_block(sandbox, context=context, number=2, source=source, limits=limits)


def test_the_block_sees_the_context_and_only_the_block_prints(sandbox):
    result = run(sandbox, "print(x * 10)")

    assert (result.status, result.error, result.context_error) == ("ok", None, None)
    assert result.output == "[ 0 10 20 30]\n"


def test_stderr_and_warnings_are_shown_with_stdout(sandbox):
    result = run(
        sandbox,
        "import sys, warnings\nprint('out')\nprint('err', file=sys.stderr)\n"
        "warnings.warn('careful')\n",
    )

    assert "out\nerr\n" in result.output and "UserWarning: careful" in result.output


def test_an_exception_shows_the_blocks_own_traceback(sandbox):
    result = run(sandbox, "print('before')\n\ndef f():\n    return x[10]\n\nf()\n")

    assert result.status == "ok" and result.output == "before\n"
    assert result.error["type"] == "IndexError"
    trace = result.error["traceback"]
    assert 'File "block 2", line 6, in <module>' in trace
    assert 'File "block 2", line 4, in f' in trace and "return x[10]" in trace
    assert "lesson.py" not in trace and "/sandbox" not in trace


def test_a_failing_earlier_block_is_named_and_the_block_does_not_run(sandbox):
    context = [(1, "x = 1\n"), (3, "import nothing_of_the_sort\n")]
    result = run_lesson_block(
        sandbox, context=context, number=4, source="print('ran')", limits=LIMITS
    )

    assert result.status == "ok" and result.error is None
    assert result.context_error["block"] == 3
    assert result.context_error["type"] == "ModuleNotFoundError"
    assert 'File "block 3", line 1' in result.context_error["traceback"]
    assert "ran" not in result.output


def test_a_figure_comes_back_as_a_checked_png_and_show_is_quiet(sandbox):
    source = (
        "import matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots(figsize=(4, 3))\n"
        "ax.plot(x, x ** 2)\n"
        "plt.show()\n"
    )
    result = run(sandbox, source)

    assert result.status == "ok" and result.error is None
    assert result.output == ""  # no "FigureCanvasAgg is non-interactive" warning
    assert len(result.figures) == 1
    info = figure_check("figure-1.png", result.figures[0])
    assert (info.width, info.height) == (400, 300)


def test_figures_of_earlier_blocks_are_not_sent_and_at_most_four_are(sandbox):
    context = [(1, "import matplotlib.pyplot as plt\nplt.figure()\nplt.plot([1, 2])\n")]
    source = "for i in range(6):\n    plt.figure(figsize=(1, 1))\n    plt.plot([i, 0])\n"

    result = run(sandbox, source, context=context)

    assert len(result.figures) == 4 and result.omitted_figures == 2
    for png in result.figures:
        assert figure_check("figure.png", png).width == 100


def test_a_huge_figsize_is_drawn_within_the_side_cap(sandbox):
    source = "import matplotlib.pyplot as plt\nplt.figure(figsize=(80, 2))\nplt.plot([0, 1])\n"

    result = run(sandbox, source)

    info = figure_check("figure-1.png", result.figures[0])
    assert info.width <= 4096 and info.height >= 1


def test_pandas_is_there(sandbox):
    result = run(sandbox, "import pandas as pd\nprint(pd.Series(x).sum())")

    assert result.output == "6\n"


def test_an_endless_block_is_stopped_by_the_cpu_limit(sandbox):
    result = run(sandbox, "while True:\n    pass\n", limits=Limits(wall_seconds=20, cpu_seconds=1))

    assert result.status == "timeout" and "CPU" in result.message


def test_a_memory_bomb_is_a_memory_limit(sandbox):
    source = "blocks = []\nwhile True:\n    blocks.append(np.ones(1 << 24))\n"

    result = run(sandbox, source, limits=Limits(wall_seconds=30, cpu_seconds=20, memory_mb=128))

    assert result.status == "memory_limit"


def test_flooding_the_output_is_an_output_limit_and_keeps_the_start(sandbox):
    result = run(sandbox, "while True:\n    print('y' * 1000)\n")

    assert result.status == "output_limit"
    assert result.output.startswith("y" * 1000) and len(result.output) <= 16 << 10


def test_lesson_code_has_the_confinement_of_a_submission(sandbox):
    source = (
        "import os, socket\n"
        "try:\n    socket.socket()\n    print('socket opened')\n"
        "except OSError as e:\n    print('socket refused')\n"
        "print(os.path.exists('/work'), os.getuid() != 0)\n"
    )
    result = run(sandbox, source)

    assert result.output == "socket refused\nFalse True\n"


def test_frames_forged_by_the_block_make_the_run_an_error(sandbox):
    source = (
        "import os, wire\n"
        "os.write(3, wire.encode({'t': 'run', 'error': None}))\n"
        "os.write(3, wire.encode({'t': 'figure', 'png': np.zeros(10, dtype=np.uint8)}))\n"
    )
    result = run(sandbox, source)

    assert result.status == "error" and "malformed" in result.message
    assert result.figures == []


def test_the_stream_parser_refuses_hostile_records():
    good = [wire.encode({"t": "context", "error": None}), wire.encode({"t": "run", "error": None})]
    end = wire.encode({"t": "end", "omitted": 0})
    assert not parse_lesson_stream(b"".join([*good, end])).problem

    hostile = [
        [wire.encode({"t": "run", "error": None})],  # no context record first
        [*good, wire.encode({"t": "figure", "png": [1, 2]})],  # not an array
        [*good, wire.encode({"t": "figure", "png": __import__("numpy").zeros((2, 2), "u1")})],
        [*good, wire.encode({"t": "end", "omitted": -1})],
        [*good, wire.encode({"t": "end", "omitted": 1.0})],
        [*good, wire.encode({"t": "verdict", "passed": True})],
        [wire.encode({"t": "context", "error": {"type": "X", "message": "m"}})],
        [*good, end, end],
    ]
    for frames in hostile:
        assert parse_lesson_stream(b"".join(frames)).problem, frames
