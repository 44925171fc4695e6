"""Trusted comparison of a learner's decoded result with the reference result.

Both sides arrive as plain values produced by `wire.decode`: None, bool, int, float, str,
list, tuple, dict, `np.ndarray` or `Unsupported`. Nothing the learner returned is called
or asked to compare itself: arrays are plain ndarrays rebuilt from bytes.
"""

from __future__ import annotations

import numpy as np

from grader.sandbox.runtime.wire import Unsupported

MAX_SHOWN = 6
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def compare_value(
    expected, got, *, rtol: float, atol: float, path: str = "result", bool_result: bool = False
) -> str | None:
    """Return None when `got` matches `expected` within tolerance, else what differs.

    `bool_result`: the exercise declares a bool result (exercise.toml), so a bool array
    from the reference is compared exactly with a bool array from the learner. Without
    it a bool array is never a valid result, on either side.
    """
    if isinstance(expected, np.ndarray) and expected.dtype.kind == "b":
        return _compare_bool(expected, got, path=path, declared=bool_result)
    if isinstance(expected, np.ndarray) and expected.ndim > 0:
        return _compare_array(expected, got, rtol=rtol, atol=atol, path=path)
    if isinstance(expected, np.ndarray) or type(expected) in (int, float):
        return _compare_scalar(expected, got, rtol=rtol, atol=atol, path=path)
    if expected is None or type(expected) in (bool, str):
        if type(got) is type(expected) and got == expected:
            return None
        return f"{path}: expected {_short(expected)}, got {describe(got)}"
    if type(expected) in (list, tuple):
        if _is_id_list(expected) and isinstance(got, np.ndarray) and got.ndim == 1:
            return _compare_ids(expected, got, path=path)
        if type(got) not in (list, tuple):
            wanted = f"a {type(expected).__name__} of {len(expected)} items"
            return f"{path}: expected {wanted}, got {describe(got)}"
        if len(got) != len(expected):
            return f"{path}: expected {len(expected)} items, got {len(got)}"
        for i, (e, g) in enumerate(zip(expected, got, strict=True)):
            problem = compare_value(
                e, g, rtol=rtol, atol=atol, path=f"{path}[{i}]", bool_result=bool_result
            )
            if problem:
                return problem
        return None
    if type(expected) is dict:
        if type(got) is not dict:
            return f"{path}: expected a dict with keys {sorted(expected)}, got {describe(got)}"
        missing = sorted(set(expected) - set(got))
        extra = sorted(set(got) - set(expected))
        if missing or extra:
            return f"{path}: keys differ (missing {missing}, unexpected {_short(extra)})"
        for key in expected:
            problem = compare_value(
                expected[key],
                got[key],
                rtol=rtol,
                atol=atol,
                path=f"{path}[{key!r}]",
                bool_result=bool_result,
            )
            if problem:
                return problem
        return None
    raise TypeError(f"the reference produced a value of type {type(expected).__name__}")


def _is_id_list(expected) -> bool:
    """A list of integer ids (tokens, labels, indices): a 1-D integer array may stand in."""
    return all(type(item) is int for item in expected)


def _compare_ids(expected, got: np.ndarray, *, path: str) -> str | None:
    # Learners return token ids as arrays naturally (np.argsort, torch.topk): any integer
    # dtype, unsigned included, is as good as a list of ints. Nothing else is.
    if got.dtype.kind not in "iu":
        return f"{path}: expected a list of {len(expected)} integers, got {describe(got)}"
    if got.shape != (len(expected),):
        return f"{path}: expected {len(expected)} items, got {got.shape[0]}"
    if not all(INT64_MIN <= item <= INT64_MAX for item in expected):
        raise TypeError("the reference produced an integer outside the int64 range")
    return _compare_values(np.array(expected, dtype=np.int64), got, rtol=0.0, atol=0.0, path=path)


def describe(value) -> str:
    """Name what the learner returned, for a message (never its hidden data)."""
    if isinstance(value, Unsupported):
        return value.what
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype} and shape {tuple(value.shape)}"
    if value is None:
        return "None"
    if type(value) in (list, tuple):
        return f"a {type(value).__name__} of {len(value)} items"
    return f"a value of type {type(value).__name__}"


def _compare_array(expected: np.ndarray, got, *, rtol, atol, path) -> str | None:
    wanted = f"an array of shape {tuple(expected.shape)}"
    if not isinstance(got, np.ndarray):
        return f"{path}: expected {wanted} (numpy ndarray or torch tensor), got {describe(got)}"
    problem = _dtype_problem(expected, got, path)
    if problem:
        return problem
    if got.shape != expected.shape:
        return f"{path}: expected shape {tuple(expected.shape)}, got {tuple(got.shape)}"
    return _compare_values(expected, got, rtol=rtol, atol=atol, path=path)


def _compare_bool(expected: np.ndarray, got, *, path: str, declared: bool) -> str | None:
    if not declared:
        # An authoring error, caught when the exercise is validated: the reference itself
        # fails every case with this message.
        return (
            f"{path}: the reference returned a bool array, but the exercise does not declare "
            "bool_result = true in exercise.toml"
        )
    wanted = f"a bool array of shape {tuple(expected.shape)} (torch.bool or numpy bool)"
    if not isinstance(got, np.ndarray):
        return f"{path}: expected {wanted}, got {describe(got)}"
    if got.dtype.kind != "b":
        return f"{path}: expected {wanted}, got dtype {got.dtype}"
    if got.shape != expected.shape:
        return f"{path}: expected shape {tuple(expected.shape)}, got {tuple(got.shape)}"
    wrong = got != expected
    if not wrong.any():
        return None
    index = _first(wrong)
    return (
        f"{path}: {int(wrong.sum())} of {wrong.size} values differ; first at index {index}: "
        f"expected {bool(expected[index])}, got {bool(got[index])}"
    )


def _compare_scalar(expected, got, *, rtol, atol, path) -> str | None:
    exp = np.asarray(expected)
    if type(got) is int and not INT64_MIN <= got <= INT64_MAX:
        # A Python int the learner made huge: no int64 holds it, so no expected value equals it
        # (np.asarray would raise OverflowError in the trusted process instead).
        return f"{path}: expected {_short(expected)}, got an integer of {len(str(got))} digits"
    if type(got) in (int, float):
        got_arr = np.asarray(got, dtype=np.float64 if type(got) is float else np.int64)
    elif isinstance(got, np.ndarray) and got.ndim == 0:
        got_arr = got
    else:
        return f"{path}: expected a number (int, float or 0-d array), got {describe(got)}"
    if got_arr.dtype.kind == "b":
        return f"{path}: expected a number, got a bool"
    if exp.dtype.kind == "f" and got_arr.dtype.kind not in "fiu":
        return f"{path}: expected a real number, got dtype {got_arr.dtype}"
    if exp.dtype.kind in "iu" and got_arr.dtype.kind == "f":
        value = float(got_arr)
        if not np.isfinite(value) or value != int(exp):
            return f"{path}: expected {int(exp)}, got {value!r}"
        return None
    return _compare_values(exp, got_arr, rtol=rtol, atol=atol, path=path)


def _dtype_problem(expected: np.ndarray, got: np.ndarray, path: str) -> str | None:
    if got.dtype.kind == "b":
        return f"{path}: expected numbers, got a bool array"
    if expected.dtype.kind == "f" and got.dtype.kind != "f":
        return f"{path}: expected floating-point values (float32 or float64), got dtype {got.dtype}"
    if expected.dtype.kind in "iu" and got.dtype.kind not in "iu":
        return f"{path}: expected integers (labels or indices), got dtype {got.dtype}"
    return None


def _compare_values(expected: np.ndarray, got: np.ndarray, *, rtol, atol, path) -> str | None:
    if expected.dtype.kind in "iu" and got.dtype.kind in "iu":
        # uint64 values above the int64 range would wrap to negatives (2**64 - 1 -> -1) and
        # could then equal a negative expected value: they never match.
        wrong = expected.astype(np.int64) != got.astype(np.int64)
        if got.dtype == np.uint64:
            wrong |= got > np.uint64(INT64_MAX)
        if expected.dtype == np.uint64:
            wrong |= expected > np.uint64(INT64_MAX)
        if not wrong.any():
            return None
        index = _first(wrong)
        return (
            f"{path}: {int(wrong.sum())} of {wrong.size} values differ; first at index {index}: "
            f"expected {int(expected[index])}, got {int(got[index])}"
        )
    exp = expected.astype(np.float64)
    val = got.astype(np.float64)
    exp_finite = np.isfinite(exp)
    bad_nonfinite = exp_finite & ~np.isfinite(val)
    if bad_nonfinite.any():
        index = _first(bad_nonfinite)
        return f"{path}: got {val[index]} at index {index} where a finite value was expected"
    # Where the reference itself is ±inf or NaN (e.g. filtered logits), demand the same.
    special_mismatch = ~exp_finite & ~((exp == val) | (np.isnan(exp) & np.isnan(val)))
    if special_mismatch.any():
        index = _first(special_mismatch)
        return f"{path}: expected {exp[index]} at index {index}, got {val[index]}"
    with np.errstate(invalid="ignore", over="ignore"):
        err = np.where(exp_finite, np.abs(val - exp), 0.0)
        too_far = err > atol + rtol * np.abs(np.where(exp_finite, exp, 0.0))
    if not too_far.any():
        return None
    index = _first(too_far)
    worst = float(err.max())
    where = f" at index {index}" if exp.ndim else ""
    return (
        f"{path}: {int(too_far.sum())} of {too_far.size} values outside tolerance "
        f"(rtol={rtol:g}, atol={atol:g}); max abs error {worst:.3g}; first{where}: "
        f"expected {exp[index]:.10g}, got {val[index]:.10g}"
    )


def _first(mask: np.ndarray):
    if mask.ndim == 0:
        return ()
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
