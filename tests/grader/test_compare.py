"""Trusted comparison of what came back from the sandbox, and the result stream around it.

Values go through the exact sandbox path (invoke.to_data -> wire.encode -> wire.decode)
before comparison, so these tests cover what a learner's object can and cannot do.
"""

import dataclasses

import numpy as np
import pytest
import torch

from grader.compare import compare_value
from grader.sandbox import Limits
from grader.sandbox.outcome import RESULTS_CAP, Collected, decide, parse_stream
from grader.sandbox.runtime import invoke, wire

TOL = {"rtol": 1e-7, "atol": 1e-9}


def returned(value):
    """What the trusted side sees when the learner's entry point returned `value`."""
    return wire.decode(wire.encode(invoke.to_data(value)))


def check(expected, value) -> str | None:
    return compare_value(expected, returned(value), **TOL)


# -- values -----------------------------------------------------------------------------
def test_equal_arrays_and_tensors_pass():
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert check(expected, expected.copy()) is None
    assert check(expected, torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64)) is None
    assert check(expected, expected * (1 + 1e-9)) is None


def test_values_outside_tolerance_fail_with_the_first_index():
    problem = check(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.1]))
    assert problem and "1 of 3 values" in problem and "(2,)" in problem


@pytest.mark.parametrize(
    "value, words",
    [
        (np.array([1, 2]), "floating-point"),
        (np.array([True, False]), "bool"),
        (torch.tensor([1, 2]), "floating-point"),
        (np.array([1 + 0j, 2 + 0j]), "complex"),
        (np.array([1.0, 2.0], dtype=np.float16), "float16"),
    ],
)
def test_wrong_dtypes_fail(value, words):
    problem = check(np.array([1.0, 2.0]), value)
    assert problem and words in problem


def test_integer_labels_demand_integers():
    problem = check(np.array([0, 2, 1]), np.array([0.0, 2.0, 1.0]))
    assert problem and "integers" in problem
    assert check(np.array([0, 2, 1]), np.array([0, 2, 1], dtype=np.int32)) is None


def test_uint64_cannot_wrap_onto_a_negative_label():
    # 2**64 - 1 would be -1 as an int64: it must never equal a negative expected label.
    forged = wire.decode(wire.encode(np.array([2**64 - 1], dtype=np.uint64)))
    problem = compare_value(np.array([-1]), forged, **TOL)
    assert problem and "differ" in problem
    assert "differ" in check(np.array([-1]), np.array([2**64 - 1], dtype=np.uint64))
    assert "differ" in check([-1, 2], np.array([2**64 - 1, 2], dtype=np.uint64))


UNSIGNED = [np.uint8, np.uint16, np.uint32, np.uint64, np.ulonglong]


@pytest.mark.parametrize("dtype", UNSIGNED, ids=lambda d: d.__name__)
def test_unsigned_labels_arrays_and_scalars_pass(dtype):
    assert check(np.array([0, 2, 1]), np.array([0, 2, 1], dtype=dtype)) is None
    assert check(np.array([0, 2, 1]), np.array([0, 2, 2], dtype=dtype)) is not None
    assert check(np.array(7), dtype(7)) is None
    assert check(7, dtype(7)) is None
    assert "expected 7" in check(7, dtype(8))


@pytest.mark.parametrize("dtype", UNSIGNED + [np.int8, np.int32, np.int64, np.longlong])
def test_a_1d_integer_array_stands_for_a_list_of_ids(dtype):
    expected = ([3, 0, 2], -1.5)
    assert check(expected, (np.array([3, 0, 2], dtype=dtype), -1.5)) is None
    assert check(expected, [np.array([3, 0, 2], dtype=dtype), np.float64(-1.5)]) is None
    assert check(expected, ([dtype(3), dtype(0), dtype(2)], -1.5)) is None
    assert "differ" in check(expected, (np.array([3, 0, 1], dtype=dtype), -1.5))
    assert "3 items" in check(expected, (np.array([3, 0], dtype=dtype), -1.5))


@pytest.mark.parametrize(
    "torch_dtype", [torch.uint8, torch.uint16, torch.uint32, torch.uint64, torch.int32]
)
def test_integer_tensors_stand_for_lists_of_ids_and_labels(torch_dtype):
    assert check([3, 0, 2], torch.tensor([3, 0, 2], dtype=torch_dtype)) is None
    assert check(np.array([1, 0]), torch.tensor([1, 0], dtype=torch_dtype)) is None


@pytest.mark.parametrize(
    "value, words",
    [
        (np.array([3.0, 0.0, 2.0]), "list of 3 integers"),
        (np.array([True, False, True]), "dtype bool"),
        (np.array([[3, 0, 2]]), "list of 3 items"),
        (torch.tensor([3.0, 0.0, 2.0]), "list of 3 integers"),
    ],
)
def test_only_1d_integer_arrays_stand_for_a_list_of_ids(value, words):
    problem = check([3, 0, 2], value)
    assert problem and words in problem


def test_any_numpy_scalar_is_a_number():
    assert check(1.5, np.float16(1.5)) is None
    assert check(1.5, np.longdouble(1.5)) is None
    assert check(2, np.longlong(2)) is None
    assert "bool" in check(1, np.bool_(True))
    assert "complex" in check(1.0, np.complex128(1.0))


@pytest.mark.parametrize(
    "value",
    [np.array([[1.0, 2.0]]), np.array([1.0, 2.0, 0.0]), np.array(1.0), np.array([[1.0], [2.0]])],
)
def test_wrong_shapes_fail(value):
    problem = check(np.array([1.0, 2.0]), value)
    assert problem and ("shape" in problem or "expected" in problem)


def test_object_arrays_fail_even_when_their_elements_claim_equality():
    class Yes:
        def __eq__(self, other):
            return True

    value = np.empty(2, dtype=object)
    value[:] = [Yes(), Yes()]
    problem = check(np.array([1.0, 2.0]), value)
    assert problem and "object" in problem


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
@pytest.mark.parametrize(
    "make",
    [
        lambda: np.array([1.0, 2.0]).view(
            type("Sub", (np.ndarray,), {"__eq__": lambda s, o: True})
        ),
        lambda: np.ma.masked_array([1.0, 2.0], mask=[False, True]),
        lambda: np.matrix([[1.0, 2.0]]),
        lambda: torch.tensor([1.0, 2.0]).as_subclass(type("T", (torch.Tensor,), {})),
    ],
)
def test_subclasses_are_refused_not_trusted(make):
    problem = check(np.array([1.0, 2.0]), make())
    assert problem and "type" in problem


def test_parameters_are_plain_tensors():
    assert check(np.array([1.0, 2.0]), torch.nn.Parameter(torch.tensor([1.0, 2.0]))) is None


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_and_inf_where_finite_is_expected_fail(bad):
    problem = check(np.array([1.0, 2.0]), np.array([1.0, bad]))
    assert problem and "finite" in problem


def test_special_values_must_match_where_the_reference_has_them():
    expected = np.array([-np.inf, 1.0, np.nan])
    assert check(expected, np.array([-np.inf, 1.0, np.nan])) is None
    assert check(expected, np.array([np.inf, 1.0, np.nan]))
    assert check(expected, np.array([-np.inf, 1.0, 0.0]))


class EqualsEverything:
    def __eq__(self, other):
        return True

    def __array__(self, dtype=None, copy=None):
        return np.array([1.0, 2.0])

    def __float__(self):
        return 1.0


@pytest.mark.parametrize(
    "value",
    [
        EqualsEverything(),
        [1.0, 2.0],
        (1.0, 2.0),
        "passed",
        {"value": [1.0, 2.0]},
        None,
        lambda: 0,
        iter([1.0, 2.0]),
    ],
)
def test_eq_tricks_and_array_likes_fail(value):
    problem = check(np.array([1.0, 2.0]), value)
    assert problem and "expected an array" in problem


def test_scalars_accept_numbers_and_refuse_bools_and_huge_ints():
    assert check(6, 6) is None and check(6, 6.0) is None and check(6.0, np.float64(6.0)) is None
    assert check(6.0, np.array(6.0)) is None
    assert check(6, True)
    assert check(6, 10**30)
    assert check(6.0, 10**30)
    assert check(6, 6.5) and check(6, float("nan"))


def test_structures_are_compared_item_by_item():
    expected = (np.array([1.0]), {"loss": 0.5, "grad": np.array([2.0])})
    assert check(expected, [np.array([1.0]), {"loss": 0.5, "grad": np.array([2.0])}]) is None
    assert "keys differ" in check(expected, (np.array([1.0]), {"loss": 0.5}))
    assert "items" in check(expected, (np.array([1.0]),))


# -- the result stream -------------------------------------------------------------------
def frames(*records) -> bytes:
    return b"".join(wire.encode(r) for r in records)


LOAD = {"t": "load", "error": None}
END = {"t": "end", "forbidden": []}


def case(value) -> dict:
    return {"t": "case", "r": {"value": value}}


def collected(data: bytes, ncases: int, status: int = 0) -> Collected:
    return Collected(
        report={"status": status, "cpu_ms": 1.0, "maxrss_kb": 1},
        stdout=b"",
        results=data,
        killed_for=None,
        oom_killed=False,
        wall_ms=1.0,
        ncases=ncases,
        limits=Limits(),
        unsafe=False,
    )


def test_a_complete_stream_is_ok():
    run = decide(collected(frames(LOAD, case(1.0), case(2.0), END), 2))
    assert run.status == "ok" and run.results == [{"value": 1.0}, {"value": 2.0}]


def test_a_truncated_stream_is_an_error_at_every_cut():
    data = frames(LOAD, case(np.arange(3.0)), END)
    for cut in range(1, len(data)):
        run = decide(collected(data[:cut], 1))
        assert run.status == "error", cut


@pytest.mark.parametrize(
    "records, ncases",
    [
        ((LOAD, case(1.0), case(1.0), END), 1),  # a duplicated case record
        ((LOAD, LOAD, case(1.0), END), 1),  # a duplicated load record
        ((LOAD, case(1.0), END, END), 1),  # a duplicated end record
        ((case(1.0), END), 1),  # the load record missing
        ((LOAD, case(1.0)), 1),  # the end record missing
        ((LOAD, END), 1),  # a case missing
        ((LOAD, {"t": "case", "r": {"value": 1.0, "passed": True}}, END), 1),
        ((LOAD, {"t": "case", "r": {"error": "boom"}}, END), 1),
        ((LOAD, {"t": "verdict", "v": "passed"}, END), 0),
        ((LOAD, {"t": "end", "forbidden": "x"}), 0),
        ((LOAD, {"t": "end", "forbidden": [], "passed": True}), 0),
    ],
)
def test_duplicated_missing_and_malformed_records_are_errors(records, ncases):
    run = decide(collected(frames(*records), ncases))
    assert run.status == "error"


def test_the_end_record_keeps_only_the_exercises_forbidden_names():
    names = ["numpy.multiply", "numpy.multiply", "torch.conv2d", 7, None, "x" * 500, ["numpy.add"]]
    data = frames(LOAD, case(1.0), {"t": "end", "forbidden": names})
    allowed = ("numpy.multiply", "numpy.add")

    stream = parse_stream(data, 1, forbidden=allowed)
    run = decide(dataclasses.replace(collected(data, 1), forbidden=allowed))

    assert stream.problem == "" and stream.forbidden == ["numpy.multiply"]
    assert run.status == "ok" and run.forbidden_used == ["numpy.multiply"]
    assert parse_stream(data, 1).forbidden == []  # no list given: nothing is forbidden


def test_an_oversized_frame_is_refused_without_allocating_it():
    header = b'{"tree":{"t":"none"}}'
    claimed = (RESULTS_CAP + 1).to_bytes(8, "big")
    huge = wire.MAGIC + len(header).to_bytes(4, "big") + header + claimed
    stream = parse_stream(frames(LOAD) + huge, 1)
    assert stream.problem and "over the limit" in stream.problem


def test_garbage_after_the_end_is_an_error_and_a_crash_keeps_finished_cases():
    assert decide(collected(frames(LOAD, END) + b"junk", 0)).status == "error"
    crashed = decide(collected(frames(LOAD, case(1.0)), 3, status=11))  # SIGSEGV
    assert crashed.status == "error" and "SIGSEGV" in crashed.message
    assert crashed.results == [{"value": 1.0}]


def test_a_nonzero_exit_is_an_error_even_with_every_result():
    run = decide(collected(frames(LOAD, case(1.0), END), 1, status=3 << 8))
    assert run.status == "error" and "code 3" in run.message


def test_load_errors_are_reported_with_their_fields_checked():
    error = {"type": "SyntaxError", "message": "bad", "traceback": "line 1"}
    run = decide(collected(frames({"t": "load", "error": error}, END), 3))
    assert run.status == "ok" and run.load_error == error
    forged = {"type": "SyntaxError", "message": 5, "traceback": ""}
    assert decide(collected(frames({"t": "load", "error": forged}, END), 3)).status == "error"
