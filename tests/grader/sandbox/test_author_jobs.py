"""An exercise's own code (cases.py, reference, wrong solutions) runs in author jobs in the
real confined sandbox; this process only receives data and checks it."""

import os
import secrets
import sys
import textwrap

import numpy as np
import pytest

from grader.casekit import Case
from grader.checks import CHECKS, rows_up_to_sign
from grader.reference import ExerciseBroken, load_cases, reference_outputs, wrong_outputs
from grader.sandbox import Limits
from grader.sandbox.layout import REPO_ROOT

pytestmark = pytest.mark.sandbox

AUTHOR = Limits(wall_seconds=10.0, cpu_seconds=10.0, memory_mb=512)
HEADER = "import numpy as np\nimport torch\nfrom grader.casekit import Case\n\n"
TWO_CASES = HEADER + textwrap.dedent(
    """
    def cases():
        yield Case("visible", args=(np.array([1.0, 2.0], dtype=np.float32),), visible=True)
        yield Case("tensor, hidden", args=(torch.tensor([0.5, -1.0]),), grad_wrt=(0,))
    """
)


def cases_of(sandbox, source, limits=AUTHOR):
    return load_cases(sandbox, source=source, slug="ex", limits=limits)


def broken(sandbox, source, limits=AUTHOR) -> ExerciseBroken:
    with pytest.raises(ExerciseBroken) as caught:
        cases_of(sandbox, source, limits)
    return caught.value


def test_cases_come_back_as_metadata_and_input_frames(sandbox):
    case_set = cases_of(sandbox, TWO_CASES)

    assert [c.name for c in case_set.cases] == ["visible", "tensor, hidden"]
    assert [c.visible for c in case_set.cases] == [True, False]
    assert case_set.cases[1].grad_wrt == (0,)
    assert len(case_set.frames) == 2 and all(type(f) is bytes for f in case_set.frames)
    assert "exercise_cases" not in sys.modules  # nothing of cases.py was loaded here


def test_the_reference_gets_float64_and_learners_inputs_stay_as_written(sandbox):
    case_set = cases_of(sandbox, TWO_CASES)
    # Reports the dtype it was given, as a number: 64 for float64.
    source = "def f(x):\n    return float(x.dtype.itemsize * 8)\n"

    expected = reference_outputs(
        sandbox, source=source, entry_point="f", case_set=case_set, slug="ex", limits=AUTHOR
    )
    as_learner = wrong_outputs(
        sandbox, source=source, entry_point="f", name="w", frames=case_set.frames, limits=AUTHOR
    )

    assert [r["value"] for r in expected] == [64.0, 64.0]
    assert [r["value"] for r in as_learner] == [32.0, 32.0]


def test_gradients_of_the_reference_come_back(sandbox):
    case_set = cases_of(sandbox, TWO_CASES)
    source = "def f(x):\n    return (x * x).sum() if hasattr(x, 'grad') else x\n"

    expected = reference_outputs(
        sandbox, source=source, entry_point="f", case_set=case_set, slug="ex", limits=AUTHOR
    )

    np.testing.assert_allclose(expected[1]["grads"][0], [1.0, -2.0])
    assert expected[1]["grads"][0].dtype == np.float64


def test_cases_py_cannot_reach_the_worker_environment_or_files(sandbox, canary):
    target = REPO_ROOT / "grader" / f".author-canary-{secrets.token_hex(6)}"
    source = HEADER + textwrap.dedent(
        f"""
        import os
        try:
            open({str(target)!r}, "w").write("written by cases.py")
            WROTE = "wrote"
        except OSError as exc:
            WROTE = type(exc).__name__
        SEEN = " ".join(sorted(os.environ))
        print("environment:", dict(os.environ))

        def cases():
            yield Case("visible", args=(1,), visible=True)
            yield Case(f"write {{WROTE}}", args=(2,))
            yield Case(f"env {{SEEN}}", args=(3,))
        """
    )

    case_set = cases_of(sandbox, source)

    names = [c.name for c in case_set.cases]
    assert names[1] == "write FileNotFoundError" and not target.exists()
    assert "environment:" in case_set.stdout and canary not in case_set.stdout
    assert "COURSEPLATFORM_SANDBOX_CANARY" not in names[2] and "SECRET" not in names[2]
    assert canary not in repr(case_set)
    assert os.environ["COURSEPLATFORM_SANDBOX_CANARY"] == canary  # it was there to find


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        ("def cases():\n    yield Case('a', visible=True)\n    1 / 0\n", "ZeroDivisionError"),
        ("def cases(:\n", "SyntaxError"),
        ("x = 1\n", "defines no function named 'cases'"),
        ("def cases():\n    yield ('a', 1)\n", "yielded a tuple"),
        ("def cases():\n    yield Case('a', visible=True)\n    yield Case('a')\n", "used twice"),
        ("def cases():\n    yield Case('a', visible=True)\n", "one visible and one hidden"),
        ("def cases():\n    yield Case('a', args=({1, 2},), visible=True)\n", "a value of type"),
        (
            "def cases():\n    yield Case('a', visible=True)\n    yield Case('b', check='mine')\n",
            "not a platform check",
        ),
        ("def cases():\n    yield Case('a', args=(1,), grad_wrt=(0,))\n", "is not a tensor"),
        ("import sys\nsys.exit(3)\n", "SystemExit"),
    ],
)
def test_a_broken_cases_py_is_reported_clearly(sandbox, body, wanted):
    error = broken(sandbox, HEADER + body)

    assert "ex/cases.py" in str(error) and wanted in str(error), str(error)


def test_the_traceback_points_at_the_authors_line(sandbox):
    error = broken(
        sandbox, HEADER + "def cases():\n    yield Case('a', visible=True)\n    {}['k']\n"
    )

    assert 'File "cases.py", line 7, in cases' in str(error) and "KeyError" in str(error)
    assert "author.py" not in str(error)  # the runtime's own frames teach nothing
    assert error.lasting


def test_a_cases_py_that_never_ends_is_stopped_and_may_be_retried(sandbox):
    quick = Limits(wall_seconds=1.5, cpu_seconds=1.0, memory_mb=256)

    error = broken(sandbox, HEADER + "while True:\n    pass\n", quick)

    assert "CPU time" in str(error) or "did not finish" in str(error), str(error)


def test_a_reference_that_raises_names_the_case(sandbox):
    case_set = cases_of(sandbox, TWO_CASES)
    source = (
        "def f(x):\n    if x.shape[0] == 2 and x.sum() < 0:\n"
        "        raise ValueError('no')\n    return x\n"
    )

    with pytest.raises(ExerciseBroken) as caught:
        reference_outputs(
            sandbox, source=source, entry_point="f", case_set=case_set, slug="ex", limits=AUTHOR
        )

    assert "raised on case 'tensor, hidden'" in str(caught.value)
    assert 'File "solution.py", line 3' in str(caught.value)


def test_a_wrong_solution_that_does_not_load_matches_nothing(sandbox):
    case_set = cases_of(sandbox, TWO_CASES)

    got = wrong_outputs(
        sandbox,
        source="import no_such_module\n",
        entry_point="f",
        name="w",
        frames=case_set.frames,
        limits=AUTHOR,
    )

    assert got is None


def test_platform_check_flips_rows_but_still_compares():
    case = Case("pca", rtol=1e-7, atol=1e-9)
    expected = (np.array([[0.6, 0.8], [0.8, -0.6]]), np.array([2.0, 1.0]))

    flipped = (np.array([[-0.6, -0.8], [0.8, -0.6]]), np.array([2.0, 1.0]))
    wrong = (np.array([[-0.6, 0.8], [0.8, -0.6]]), np.array([2.0, 1.0]))

    assert rows_up_to_sign(case, expected, flipped) is None
    assert rows_up_to_sign(case, expected, wrong) is not None
    assert rows_up_to_sign(case, expected, "nonsense") is not None
    assert set(CHECKS) == {"rows_up_to_sign", "columns_up_to_sign", "text_lines_exactly"}
