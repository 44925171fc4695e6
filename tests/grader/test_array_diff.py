"""What the trusted side says about a failing array result: shapes, cells and heatmaps."""

import numpy as np
import pytest

from grader.array_diff import diff_value
from grader.casekit import Case
from grader.judging import judge_case

TOL = {"rtol": 1e-7, "atol": 1e-9}


def test_a_transposed_result_is_named_a_transpose():
    expected = np.arange(6.0).reshape(2, 3)

    diff = diff_value(expected, expected.T.copy(), **TOL)

    assert diff["kind"] == "shape"
    assert (diff["expected_shape"], diff["got_shape"]) == ([2, 3], [3, 2])
    assert diff["relation"] == "transpose"


def test_a_square_transpose_is_a_value_difference_drawn_cell_by_cell():
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])

    diff = diff_value(expected, expected.T.copy(), **TOL)

    assert diff["kind"] == "values"
    assert diff["mismatches"] == 2
    assert diff["cells"]["bad"] == [[False, True], [True, False]]
    assert diff["cells"]["got"][0][1] == "3"


def test_axes_in_another_order_are_found_when_the_values_match_a_permutation():
    expected = np.random.default_rng(0).normal(size=(2, 3, 4))

    diff = diff_value(expected, np.transpose(expected, (2, 0, 1)).copy(), **TOL)

    assert diff["relation"] == "permutation"
    assert "np.transpose(result, (1, 2, 0))" in diff["explanation"]


@pytest.mark.parametrize(
    "expected_shape, got_shape, relation, words",
    [
        ((4, 1), (4,), "missing-axis", "lacks axis 1 (size 1) of the expected shape (keepdims"),
        ((4,), (4, 1), "extra-axis", "extra axis 1 (size 1)"),
        ((3, 5), (5,), "missing-axis", "lacks axis 0 (size 3)"),
        ((2, 1, 4, 4), (2, 1, 1, 4), "broadcasts-to-expected", "would broadcast to the expected"),
        ((3, 1), (3, 3), "broadcast-too-far", "broadcast two arrays"),
        ((2, 6), (4, 3), "reshaped", "a reshape"),
    ],
)
def test_shape_relations_are_explained(expected_shape, got_shape, relation, words):
    diff = diff_value(np.zeros(expected_shape), np.zeros(got_shape), **TOL)

    assert diff["relation"] == relation
    assert words in diff["explanation"]


def test_small_results_show_every_cell_with_the_largest_errors_located():
    expected = np.array([1.0, 2.0, 3.0, 4.0])
    got = np.array([1.0, 2.5, 3.0, 3.9])

    diff = diff_value(expected, got, **TOL)

    assert diff["mismatches"] == 2 and diff["size"] == 4
    assert diff["max_abs"] == 0.5 and diff["max_abs_at"] == [1]
    assert diff["max_rel_at"] == [1]
    assert diff["cells"]["bad"] == [[False, True, False, True]]


def test_large_results_are_pooled_into_a_heatmap_with_nan_and_inf_marked():
    expected = np.zeros((100, 70))
    got = expected.copy()
    got[5, 7] = 1e-3
    got[60, 10] = np.nan
    got[99, 69] = np.inf

    diff = diff_value(expected, got, **TOL)

    heat = diff["heatmap"]
    assert (heat["rows"], heat["cols"]) == (100, 70)
    assert heat["row_step"] == 4 and heat["col_step"] == 3
    assert len(heat["ratio"]) == 25 and len(heat["ratio"][0]) == 24
    assert heat["ratio"][1][2] > 1  # the 1e-3 error, in units of the tolerance
    assert heat["marks"][15][3] == "nan"
    assert heat["marks"][24][23] == "inf"
    assert diff["mismatches"] == 3 and diff["nonfinite"] == 2
    assert diff["max_abs"] == 1e-3 and diff["max_abs_at"] == [5, 7]
    assert "cells" not in diff


def test_a_lone_nan_reports_no_largest_error():
    got = np.ones(20)
    got[3] = np.nan

    diff = diff_value(np.ones(20), got, **TOL)

    assert diff["nonfinite"] == 1
    assert diff["max_abs"] is None and diff["max_rel"] is None


def test_the_first_differing_array_of_a_tuple_result_is_described_with_its_path():
    expected = (np.ones(3), np.zeros((2, 2)))
    got = (np.ones(3), np.zeros((2, 3)))

    diff = diff_value(expected, got, **TOL)

    assert diff["path"] == "result[1]"
    assert diff["kind"] == "shape"


def test_equal_results_and_non_arrays_give_no_diff():
    assert diff_value(np.ones(3), np.ones(3), **TOL) is None
    assert diff_value(np.ones(3), [1.0, 1.0, 1.0], **TOL) is None
    assert diff_value(1.0, 2.0, **TOL) is None


def test_only_visible_cases_carry_a_diff():
    expected = {"value": np.array([1.0, 2.0])}
    got = {"value": np.array([1.0, 5.0])}
    visible = Case("shown", args=(), visible=True)
    hidden = Case("secret", args=(), visible=False)

    shown = judge_case(visible, expected, got, tolerance=(1e-7, 1e-9), checks={})
    kept = judge_case(hidden, expected, got, tolerance=(1e-7, 1e-9), checks={})

    assert shown.diff["cells"]["got"] == [["1", "5"]]
    assert "diff" in shown.as_dict()
    assert kept.diff is None and "diff" not in kept.as_dict()
    assert kept.message == ""
