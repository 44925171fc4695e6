"""Declared rules through the real sandbox: the harness hands declared arguments back after
the call over the result channel, and bool results cross it as data."""

import pytest
import torch

from grader.casekit import Case
from grader.judging import ResultRules, judge_all
from grader.reference import case_payload, reference_outputs
from grader.sandbox import Limits

pytestmark = pytest.mark.sandbox

LIMITS = Limits(wall_seconds=5.0, cpu_seconds=4.0, memory_mb=512)
REFERENCE = "def clip_negative(x, floor=0.0):\n    return x.clamp(min=floor)\n"
CASES = [
    Case("vector", args=(torch.tensor([-1.0, 2.0, -3.0]),), visible=True),
    Case("floor as a keyword", args=(torch.tensor([[0.5, -0.5]]),), kwargs={"floor": 0.25}),
]
CLIP_RULES = ResultRules.declared(
    bool_result=False, unchanged_inputs=["x"], reference=REFERENCE, entry_point="clip_negative"
)


def grade(sandbox, source, *, reference, entry_point, cases, rules):
    expected = reference_outputs(reference, entry_point, cases, slug=entry_point)
    run = sandbox.run(
        source=source,
        entry_point=entry_point,
        kind="torch",
        cases=[case_payload(case, rules) for case in cases],
        limits=LIMITS,
    )
    assert run.status == "ok" and run.load_error is None, (run.status, run.message)
    return judge_all(cases, expected, run.results, tolerance=(1e-4, 1e-5), checks={}, rules=rules)


def test_an_in_place_change_of_a_declared_input_fails_in_the_sandbox(sandbox):
    in_place = "def clip_negative(x, floor=0.0):\n    return x.clamp_(min=floor)\n"

    judgement = grade(
        sandbox,
        in_place,
        reference=REFERENCE,
        entry_point="clip_negative",
        cases=CASES,
        rules=CLIP_RULES,
    )

    assert [c.passed for c in judgement.cases] == [False, False]
    assert judgement.cases[0].message.startswith("x was modified")


def test_a_copy_passes_in_the_sandbox(sandbox):
    copy = (
        "def clip_negative(x, floor=0.0):\n"
        "    y = x.clone()\n    y[y < floor] = floor\n    return y\n"
    )

    judgement = grade(
        sandbox,
        copy,
        reference=REFERENCE,
        entry_point="clip_negative",
        cases=CASES,
        rules=CLIP_RULES,
    )

    assert judgement.verdict == "passed", [c.message for c in judgement.cases]


MASK_REFERENCE = (
    "import torch\n\ndef keys_below(n, L):\n    return torch.arange(L)[None, :] < n[:, None]\n"
)
MASK_CASES = [
    Case("two rows", args=(torch.tensor([1, 3]), 3), visible=True),
    Case("one row", args=(torch.tensor([2]), 4)),
]
MASK_RULES = ResultRules(bool_result=True)


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
        cases=MASK_CASES,
        rules=MASK_RULES,
    )

    assert (judgement.verdict == "passed") is passed, [c.message for c in judgement.cases]
