"""Declared rules through the real sandbox: cases.py runs in an author job, whose frames ask
the harness to hand declared arguments back after the call; the reference's handed-back
arguments are checked at preparation; bool results cross the channel as data."""

import pytest

from grader.judging import ResultRules, judge_all
from grader.reference import ExerciseBroken, load_cases, reference_outputs
from grader.sandbox import Limits

pytestmark = pytest.mark.sandbox

LIMITS = Limits(wall_seconds=5.0, cpu_seconds=4.0, memory_mb=512)
AUTHOR = Limits(wall_seconds=20.0, cpu_seconds=20.0, memory_mb=1024)

SHIFT_REFERENCE = "def shift(x, by, scale=1.0):\n    return (x + by) * scale\n"
SHIFT_CASES = """
import torch
from grader.casekit import Case


def cases():
    yield Case("positional", args=(torch.tensor([1.0, 2.0]), 1.0), visible=True)
    yield Case("keyword", args=(), kwargs={"x": torch.tensor([3.0, float("nan")]), "by": 0.5})
    yield Case("nothing to add", args=(torch.tensor([4.0]), 0.0))
"""


def rules_for(reference, entry_point, *names, bool_result=False):
    return ResultRules.declared(
        bool_result=bool_result,
        unchanged_inputs=list(names),
        reference=reference,
        entry_point=entry_point,
    )


def grade(sandbox, source, *, reference, entry_point, cases_source, rules):
    case_set = load_cases(
        sandbox, source=cases_source, slug=entry_point, limits=AUTHOR, rules=rules
    )
    expected = reference_outputs(
        sandbox,
        source=reference,
        entry_point=entry_point,
        case_set=case_set,
        slug=entry_point,
        limits=AUTHOR,
    )
    run = sandbox.run(
        source=source, entry_point=entry_point, kind="torch", cases=case_set.frames, limits=LIMITS
    )
    assert run.status == "ok" and run.load_error is None, (run.status, run.message)
    return judge_all(
        case_set.cases,
        expected,
        run.results,
        tolerance=(1e-4, 1e-5),
        checks={},
        reveal_hidden=True,
        rules=rules,
    )


def shift(sandbox, source, *names):
    return grade(
        sandbox,
        source,
        reference=SHIFT_REFERENCE,
        entry_point="shift",
        cases_source=SHIFT_CASES,
        rules=rules_for(SHIFT_REFERENCE, "shift", *names),
    )


IN_PLACE = "def shift(x, by, scale=1.0):\n    x += by\n    x *= scale\n    return x\n"


def test_modifying_a_declared_input_fails_with_its_name(sandbox):
    judgement = shift(sandbox, IN_PLACE, "x")

    assert [c.passed for c in judgement.cases] == [False, False, True]
    assert judgement.cases[0].message.startswith("x was modified")


def test_a_copy_passes_and_nan_inputs_compare_equal_to_themselves(sandbox):
    copy = "def shift(x, by, scale=1.0):\n    y = x.clone()\n    y += by\n    return y * scale\n"

    judgement = shift(sandbox, copy, "x")

    assert judgement.verdict == "passed", [c.message for c in judgement.cases]


def test_without_the_declaration_in_place_work_is_not_checked(sandbox):
    assert shift(sandbox, IN_PLACE).verdict == "passed"


def test_a_changed_dtype_counts_as_modified(sandbox):
    source = (
        "def shift(x, by, scale=1.0):\n"
        "    y = (x + by) * scale\n    x.data = x.data.double()\n    return y\n"
    )

    assert not shift(sandbox, source, "x").cases[0].passed


def test_a_reference_that_modifies_a_declared_input_breaks_the_exercise(sandbox):
    rules = rules_for(IN_PLACE, "shift", "x")
    case_set = load_cases(sandbox, source=SHIFT_CASES, slug="shift", limits=AUTHOR, rules=rules)

    with pytest.raises(ExerciseBroken, match="modifies an argument declared in unchanged_inputs"):
        reference_outputs(
            sandbox,
            source=IN_PLACE,
            entry_point="shift",
            case_set=case_set,
            slug="shift",
            limits=AUTHOR,
        )


MASK_REFERENCE = (
    "import torch\n\ndef keys_below(n, L):\n    return torch.arange(L)[None, :] < n[:, None]\n"
)
MASK_CASES = """
import torch
from grader.casekit import Case


def cases():
    yield Case("two rows", args=(torch.tensor([1, 3]), 3), visible=True)
    yield Case("one row", args=(torch.tensor([2]), 4))
"""


@pytest.mark.parametrize(
    "body, passed",
    [
        ("return torch.arange(L)[None, :] < n[:, None]", True),
        ("return np.arange(L)[None, :] < n.numpy()[:, None]", True),
        ("return (torch.arange(L)[None, :] < n[:, None]).long()", False),
        ("return torch.arange(L)[None, :] <= n[:, None]", False),
    ],
)
def test_a_bool_result_crosses_the_sandbox_and_is_compared_exactly(sandbox, body, passed):
    source = f"import numpy as np\nimport torch\n\ndef keys_below(n, L):\n    {body}\n"

    judgement = grade(
        sandbox,
        source,
        reference=MASK_REFERENCE,
        entry_point="keys_below",
        cases_source=MASK_CASES,
        rules=ResultRules(bool_result=True),
    )

    assert (judgement.verdict == "passed") is passed, [c.message for c in judgement.cases]
