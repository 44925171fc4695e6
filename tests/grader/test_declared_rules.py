"""What an exercise may declare in exercise.toml beyond the general rules: a bool result
(compared exactly) and arguments the entry point must leave unchanged.

Values go through the real conversion (invoke.to_data and the wire round trip) before
they are compared; the unchanged-inputs rule runs through the real sandbox in
tests/grader/sandbox/test_declared_rules_sandbox.py.
"""

import shutil
from pathlib import Path

import numpy as np
import pytest
import torch

from exercises.package import PackageError, read_exercise
from grader.compare import compare_value
from grader.judging import ResultRules, same_data
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


def rules_for(*names):
    return ResultRules.declared(
        bool_result=False, unchanged_inputs=list(names), reference=REFERENCE, entry_point="shift"
    )


def test_declared_names_resolve_to_positions_or_keyword_only():
    assert rules_for("x", "scale").unchanged == (("x", 0), ("scale", 2))
    keyword_only = "def shift(x, *, by):\n    return x + by\n"
    rules = ResultRules.declared(
        bool_result=False, unchanged_inputs=["by"], reference=keyword_only, entry_point="shift"
    )
    assert rules.unchanged == (("by", None),)


def test_an_undeclared_name_is_refused():
    with pytest.raises(ValueError, match="'y'"):
        rules_for("y")


def test_same_data_is_value_for_value_and_nan_equals_itself():
    sent = returned(torch.tensor([1.0, float("nan")]))
    assert same_data(sent, returned(torch.tensor([1.0, float("nan")])))
    wider = returned(torch.tensor([1.0, float("nan")], dtype=torch.float64))
    assert not same_data(sent, wider)
    assert same_data(sent, wider, exact_dtype=False)
    assert not same_data(sent, returned(torch.tensor([1.0, 2.0])))
    assert not same_data(sent, returned(torch.tensor([[1.0, float("nan")]])))
    assert not same_data(returned(torch.tensor([1, 2])), returned(torch.tensor([1.0, 2.0])))


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


# -- platform checks ------------------------------------------------------------------------
def test_text_lines_exactly_names_the_first_differing_line():
    from grader.checks import CHECKS

    check = CHECKS["text_lines_exactly"]
    assert check(None, "a\nb\nc", "a\nb\nc") is None
    assert check(None, "a\nb\nc", "a\nB\nc") == "line 2 differs: expected 'b', got 'B'"
    assert check(None, "a\nb", "a\nb\n") == "expected 2 lines, got 3"
    assert check(None, "a", ["a"]).startswith("result: expected a str, got a list")
