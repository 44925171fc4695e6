"""What an exercise may declare in exercise.toml beyond the general rules: a bool result
(compared exactly) and arguments the entry point must leave unchanged.

Values go through the real paths: invoke.call_case / to_data and the wire round trip
(run_trusted), then grader.judging, exactly as sandbox results are judged.
"""

import shutil
from pathlib import Path

import numpy as np
import pytest
import torch

from exercises.package import PackageError, read_exercise
from grader.casekit import Case
from grader.compare import compare_value
from grader.judging import ResultRules, judge_all
from grader.reference import case_payload, reference_outputs, run_trusted
from grader.sandbox.runtime import invoke, wire

TOL = {"rtol": 1e-7, "atol": 1e-9}
DOUBLE = Path(__file__).resolve().parents[1] / "fixtures" / "mini-course" / "01-basics" / "double"


def returned(value):
    """What the trusted side sees when the learner's entry point returned `value`."""
    return wire.decode(wire.encode(invoke.to_data(value)))


# -- bool results ---------------------------------------------------------------------------
MASK = np.array([[True, False], [True, True]])


def test_a_declared_bool_result_accepts_an_equal_bool_tensor_or_array():
    assert compare_value(MASK, returned(torch.tensor(MASK)), bool_result=True, **TOL) is None
    assert compare_value(MASK, returned(MASK.copy()), bool_result=True, **TOL) is None


@pytest.mark.parametrize(
    "value, words",
    [
        (torch.tensor([[1, 0], [1, 1]]), "dtype int64"),
        (torch.tensor([[1.0, 0.0], [1.0, 1.0]]), "dtype float32"),
        (torch.tensor([[True, False]]), "shape"),
        (torch.tensor([[True, True], [True, True]]), "1 of 4 values differ"),
        ([[True, False], [True, True]], "a list"),
    ],
)
def test_a_declared_bool_result_is_compared_exactly(value, words):
    problem = compare_value(MASK, returned(value), bool_result=True, **TOL)
    assert problem and words in problem


def test_bool_arrays_are_still_refused_where_numbers_are_expected():
    problem = compare_value(np.array([1.0, 0.0]), returned(torch.tensor([True, False])), **TOL)
    assert problem and "bool" in problem


def test_a_bool_reference_without_the_declaration_is_an_authoring_error():
    problem = compare_value(MASK, returned(MASK.copy()), **TOL)
    assert problem and "bool_result = true" in problem


def test_the_declaration_reaches_nested_results():
    expected = (MASK, np.array([1.0]))
    assert compare_value(expected, returned((torch.tensor(MASK), [1.0])), **TOL) is not None
    got = returned((torch.tensor(MASK), np.array([1.0])))
    assert compare_value(expected, got, bool_result=True, **TOL) is None


# -- unchanged inputs -----------------------------------------------------------------------
REFERENCE = "def shift(x, by, scale=1.0):\n    return (x + by) * scale\n"
IN_PLACE = "def shift(x, by, scale=1.0):\n    x += by\n    x *= scale\n    return x\n"
COPY = "def shift(x, by, scale=1.0):\n    y = x.clone()\n    y += by\n    return y * scale\n"


def shift_cases():
    return [
        Case("positional", args=(torch.tensor([1.0, 2.0]), 1.0), visible=True),
        Case("keyword", args=(), kwargs={"x": torch.tensor([3.0, float("nan")]), "by": 0.5}),
        Case("nothing to add", args=(torch.tensor([4.0]), 0.0)),
    ]


def judged(source, rules, cases=None):
    cases = cases or shift_cases()
    expected = reference_outputs(REFERENCE, "shift", cases, slug="shift")
    got = run_trusted(source, "shift", cases, float64=False, rules=rules)
    return judge_all(
        cases, expected, got, tolerance=(1e-4, 1e-5), checks={}, reveal_hidden=True, rules=rules
    )


def rules_for(*names):
    return ResultRules.declared(
        bool_result=False, unchanged_inputs=list(names), reference=REFERENCE, entry_point="shift"
    )


def test_declared_names_resolve_to_positions_and_keywords():
    rules = rules_for("x", "scale")
    assert rules.unchanged == (("x", 0), ("scale", 2))
    positional, keyword, _ = shift_cases()
    assert rules.input_refs(positional) == [("x", 0)]  # scale not passed: nothing to check
    assert rules.input_refs(keyword) == [("x", "x")]
    assert case_payload(keyword, rules)["return_inputs"] == ["x"]
    assert case_payload(keyword)["return_inputs"] == []


def test_an_undeclared_name_is_refused():
    with pytest.raises(ValueError, match="'y'"):
        rules_for("y")


def test_modifying_a_declared_input_fails_with_its_name():
    judgement = judged(IN_PLACE, rules_for("x"))

    assert [c.passed for c in judgement.cases] == [False, False, True]
    assert judgement.cases[0].message.startswith("x was modified")


def test_a_copy_passes_and_nan_inputs_compare_equal_to_themselves():
    assert judged(COPY, rules_for("x")).verdict == "passed"


def test_without_the_declaration_in_place_work_is_not_checked():
    assert judged(IN_PLACE, ResultRules()).verdict == "passed"


def test_a_result_without_the_inputs_fails():
    cases = shift_cases()[:1]
    expected = reference_outputs(REFERENCE, "shift", cases, slug="shift")
    got = [{"value": returned(torch.tensor([2.0, 3.0]))}]  # e.g. a patched harness
    judgement = judge_all(
        cases, expected, got, tolerance=(1e-4, 1e-5), checks={}, rules=rules_for("x")
    )
    assert judgement.cases[0].message == "the arguments did not come back after the call"


def test_a_changed_dtype_counts_as_modified():
    source = (
        "def shift(x, by, scale=1.0):\n"
        "    y = (x + by) * scale\n    x.data = x.data.double()\n    return y\n"
    )
    assert not judged(source, rules_for("x")).cases[0].passed


# -- exercise.toml ----------------------------------------------------------------------------
def package(tmp_path, extra: str) -> Path:
    folder = shutil.copytree(DOUBLE, tmp_path / "double")
    toml = folder / "exercise.toml"
    toml.write_text(toml.read_text().replace("order = 15\n", f"order = 15\n{extra}\n"))
    return folder


def test_exercise_toml_reads_the_declarations(tmp_path):
    spec = read_exercise(package(tmp_path, 'bool_result = true\nunchanged_inputs = ["x"]'))
    assert spec.bool_result is True and spec.unchanged_inputs == ["x"]


@pytest.mark.parametrize(
    "extra, words",
    [
        ('unchanged_inputs = ["y"]', "not parameters of double()"),
        ('unchanged_inputs = "x"', "'unchanged_inputs' must be list"),
        ('bool_result = "yes"', "'bool_result' must be bool"),
    ],
)
def test_bad_declarations_are_refused_with_the_file_named(tmp_path, extra, words):
    with pytest.raises(PackageError, match="exercise.toml") as info:
        read_exercise(package(tmp_path, extra))
    assert words in str(info.value)


def test_declarations_change_the_hash_and_their_absence_does_not(tmp_path):
    plain = read_exercise(DOUBLE)
    declared = read_exercise(package(tmp_path, "bool_result = true"))
    again = read_exercise(package(tmp_path / "again", "bool_result = false"))

    assert declared.content_hash() != plain.content_hash()
    assert again.content_hash() == plain.content_hash()
