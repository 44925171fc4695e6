"""Platform checks: comparisons a case may ask for by name instead of the default one.

cases.py is author code and runs only in the sandbox, so it cannot hand the trusted side
a function to call. A case names one of these instead (`Case(..., check="rows_up_to_sign")`);
the trusted side looks the name up here. Each check gets the case (with its resolved
`rtol`/`atol`), the reference's value and the learner's decoded value, and returns None
when the value is right, else a message. A new kind of invariance is a reviewed change
to this file, shipped with the platform.
"""

from __future__ import annotations

import numpy as np

from grader.compare import compare_value, describe


def rows_up_to_sign(case, expected, got) -> str | None:
    """Each row of a 2-D float result may be negated (principal axes, eigenvectors).

    The result itself, or each item of a result tuple/list, that is a 2-D float array of
    the reference's shape has every row flipped to agree in sign with the reference row;
    then the default comparison runs (anything malformed is left as it came, so the
    default comparison names the problem).
    """
    return compare_value(expected, _align(expected, got, axis=1), rtol=case.rtol, atol=case.atol)


def columns_up_to_sign(case, expected, got) -> str | None:
    """As rows_up_to_sign, for columns (eigenvectors stored as columns)."""
    return compare_value(expected, _align(expected, got, axis=0), rtol=case.rtol, atol=case.atol)


def _align(expected, got, *, axis: int):
    if type(expected) in (list, tuple) and type(got) in (list, tuple) and len(got) == len(expected):
        return type(got)(_flip(e, g, axis) for e, g in zip(expected, got, strict=True))
    return _flip(expected, got, axis)


def _flip(expected, got, axis: int):
    if not (isinstance(expected, np.ndarray) and isinstance(got, np.ndarray)):
        return got
    if expected.ndim != 2 or got.shape != expected.shape or got.dtype.kind != "f":
        return got
    dots = np.sum(got.astype(np.float64) * expected, axis=axis)
    signs = np.where(dots < 0, -1.0, 1.0).astype(got.dtype)
    return got * (signs[:, None] if axis == 1 else signs[None, :])


def text_lines_exactly(case, expected, got) -> str | None:
    """A str compared exactly; the message names the first line that differs (prompts,
    formatted reports), which the default "expected … got …" of a long text hides."""
    if type(got) is not str:
        return f"result: expected a str, got {describe(got)}"
    if type(expected) is not str:
        return "the reference did not return a str"
    if got == expected:
        return None
    want, have = expected.split("\n"), got.split("\n")
    for number, (line_want, line_got) in enumerate(zip(want, have, strict=False), start=1):
        if line_want != line_got:
            return f"line {number} differs: expected {line_want!r:.200}, got {line_got!r:.200}"
    return f"expected {len(want)} lines, got {len(have)}"


CHECKS = {
    "rows_up_to_sign": rows_up_to_sign,
    "columns_up_to_sign": columns_up_to_sign,
    "text_lines_exactly": text_lines_exactly,
}
