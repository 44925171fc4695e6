"""What differs between an expected and a returned array, as data a page can draw.

Trusted side only: both arrays are plain ndarrays rebuilt from bytes, and nothing here
calls learner code. Used for visible cases alone (see docs/sandbox.md: nothing derived
from a hidden case's inputs or outputs reaches the learner). The result is plain JSON:
- a shape difference names both shapes and, where one explains it, the relation
  (a transpose or permutation of the axes, an axis missing or extra, a broadcast);
- a value difference counts the cells outside tolerance, gives the largest absolute and
  relative errors and where they are, and either every cell side by side (up to 8 × 8)
  or a heatmap of |got − expected| relative to the tolerance, pooled to a small grid,
  with NaN and ±inf marked.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

MAX_CELLS_SIDE = 8
HEATMAP_SIDE = 32
MAX_PERMUTATION_AXES = 5  # 120 orders at most


def diff_value(expected, got, *, rtol: float, atol: float, path: str = "result") -> dict | None:
    """Find the first array in `got` that differs from `expected`; describe it, else None.

    Walks tuples, lists and dicts as the comparison does; scalars and non-arrays give
    None (their text message says everything).
    """
    if isinstance(expected, np.ndarray) and expected.ndim > 0:
        if not isinstance(got, np.ndarray):
            return None
        if got.dtype.kind not in "fiu" or expected.dtype.kind not in "fiu":
            return None
        if got.shape != expected.shape:
            return shape_diff(expected, got, rtol=rtol, atol=atol, path=path)
        return value_diff(expected, got, rtol=rtol, atol=atol, path=path)
    if type(expected) in (list, tuple) and type(got) in (list, tuple):
        if len(expected) != len(got):
            return None
        for index, (e, g) in enumerate(zip(expected, got, strict=True)):
            found = diff_value(e, g, rtol=rtol, atol=atol, path=f"{path}[{index}]")
            if found:
                return found
    if type(expected) is dict and type(got) is dict and set(expected) == set(got):
        for key in expected:
            found = diff_value(
                expected[key], got[key], rtol=rtol, atol=atol, path=f"{path}[{key!r}]"
            )
            if found:
                return found
    return None


def shape_diff(expected: np.ndarray, got: np.ndarray, *, rtol, atol, path) -> dict:
    relation, explanation = _shape_relation(expected, got, rtol=rtol, atol=atol)
    return {
        "kind": "shape",
        "path": path,
        "expected_shape": list(expected.shape),
        "got_shape": list(got.shape),
        "relation": relation,
        "explanation": explanation,
    }


def value_diff(expected: np.ndarray, got: np.ndarray, *, rtol, atol, path) -> dict | None:
    exp = expected.astype(np.float64)
    val = got.astype(np.float64)
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        exp_finite = np.isfinite(exp)
        same_special = ~exp_finite & ((exp == val) | (np.isnan(exp) & np.isnan(val)))
        err = np.where(exp_finite & np.isfinite(val), np.abs(val - exp), np.inf)
        err = np.where(same_special, 0.0, err)
        allowed = atol + rtol * np.abs(np.where(exp_finite, exp, 0.0))
        bad = err > allowed
        # Error in units of the tolerance: 1 is the edge; a zero tolerance makes any error inf.
        ratio = np.where(allowed > 0, err / np.where(allowed > 0, allowed, 1.0), np.inf)
        ratio = np.where(err == 0, 0.0, ratio)
        rel = np.where(np.isfinite(err), err / np.maximum(np.abs(exp), 1e-300), np.inf)
    if not bad.any():
        return None
    # The largest errors among the failing cells whose error is a number (NaN and inf are
    # counted separately), so a lone NaN does not report "largest error 0.0".
    finite_bad = bad & np.isfinite(err)
    finite_err = np.where(finite_bad, err, -1.0)
    finite_rel = np.where(finite_bad & np.isfinite(rel), rel, -1.0)
    any_finite = bool(finite_bad.any())
    result = {
        "kind": "values",
        "path": path,
        "shape": list(expected.shape),
        "rtol": rtol,
        "atol": atol,
        "mismatches": int(bad.sum()),
        "size": int(bad.size),
        "nonfinite": int((~np.isfinite(val) & exp_finite).sum()),
        "max_abs": _number(finite_err.max()) if any_finite else None,
        "max_abs_at": _index(np.argmax(finite_err), expected.shape) if any_finite else None,
        "max_rel": _number(finite_rel.max()) if any_finite else None,
        "max_rel_at": _index(np.argmax(finite_rel), expected.shape) if any_finite else None,
    }
    grid = _as_grid(expected.shape)
    if grid[0] <= MAX_CELLS_SIDE and grid[1] <= MAX_CELLS_SIDE:
        result["cells"] = {
            "expected": _cell_text(exp.reshape(grid)),
            "got": _cell_text(val.reshape(grid)),
            "bad": bad.reshape(grid).tolist(),
        }
    else:
        result["heatmap"] = _heatmap(
            ratio.reshape(grid), val.reshape(grid), exp_finite.reshape(grid)
        )
    return result


def _shape_relation(expected, got, *, rtol, atol) -> tuple[str, str]:
    e, g = tuple(expected.shape), tuple(got.shape)
    if len(e) == len(g) and sorted(e) == sorted(g) and len(e) <= MAX_PERMUTATION_AXES:
        for order in itertools.permutations(range(len(g))):
            if tuple(g[i] for i in order) != e:
                continue
            moved = np.transpose(got, order).astype(np.float64)
            if np.allclose(
                moved, expected.astype(np.float64), rtol=rtol, atol=atol, equal_nan=True
            ):
                if len(e) == 2:
                    return "transpose", "Your result is the transpose of the expected one."
                return (
                    "permutation",
                    f"Your result holds the expected values with its axes in another order: "
                    f"np.transpose(result, {order}) would match.",
                )
        if len(e) == 2:
            return (
                "transpose-shape",
                "Your shape is the expected one transposed (rows and columns swapped).",
            )
        return "permutation-shape", "Your shape has the expected sizes in another order."
    if len(g) == len(e) - 1:
        for axis in range(len(e)):
            if e[:axis] + e[axis + 1 :] == g:
                return "missing-axis", _axis_text("missing", axis, e[axis])
    if len(g) == len(e) + 1:
        for axis in range(len(g)):
            if g[:axis] + g[axis + 1 :] == e:
                return "extra-axis", _axis_text("extra", axis, g[axis])
    try:
        broadcast = np.broadcast_shapes(e, g)
    except ValueError:
        broadcast = None
    if broadcast == e:
        return (
            "broadcasts-to-expected",
            "Your result would broadcast to the expected shape: it has size 1 (or fewer axes) "
            "where the expected result has more entries, e.g. a reduction without keepdims "
            "or a mask made for one axis only.",
        )
    if broadcast == g:
        return (
            "broadcast-too-far",
            "The expected result would broadcast to yours: an operation broadcast two arrays "
            "against each other where it should not have (check the axes you combined).",
        )
    if math.prod(e) == math.prod(g):
        return "reshaped", "Same number of entries in another shape: a reshape or view went wrong."
    return "", ""


def _axis_text(which: str, axis: int, size: int) -> str:
    if size == 1:
        hint = " (keepdims=True, or an unsqueeze, decides this)"
    else:
        hint = ""
    if which == "missing":
        return f"Your result lacks axis {axis} (size {size}) of the expected shape{hint}."
    return f"Your result has an extra axis {axis} (size {size}){hint}."


def _as_grid(shape: tuple[int, ...]) -> tuple[int, int]:
    """Two dimensions to draw: the last axis across, everything before it down."""
    if len(shape) == 1:
        return 1, shape[0]
    return math.prod(shape[:-1]), shape[-1]


def _cell_text(values: np.ndarray) -> list[list[str]]:
    return [[_short(v) for v in row] for row in values.tolist()]


def _short(value: float) -> str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:.6g}"


def _heatmap(ratio: np.ndarray, got: np.ndarray, exp_finite: np.ndarray) -> dict:
    rows, cols = ratio.shape
    row_step = math.ceil(rows / HEATMAP_SIDE)
    col_step = math.ceil(cols / HEATMAP_SIDE)
    out_rows, out_cols = math.ceil(rows / row_step), math.ceil(cols / col_step)
    values, marks = [], []
    for r in range(out_rows):
        value_row, mark_row = [], []
        for c in range(out_cols):
            block = (
                slice(r * row_step, (r + 1) * row_step),
                slice(c * col_step, (c + 1) * col_step),
            )
            got_block = got[block]
            if np.isnan(got_block[exp_finite[block]]).any():
                mark_row.append("nan")
            elif np.isinf(got_block[exp_finite[block]]).any():
                mark_row.append("inf")
            else:
                mark_row.append("")
            worst = ratio[block].max()
            value_row.append(_number(min(worst, 1e6)) if np.isfinite(worst) else None)
        values.append(value_row)
        marks.append(mark_row)
    return {
        "rows": rows,
        "cols": cols,
        "row_step": row_step,
        "col_step": col_step,
        "ratio": values,
        "marks": marks,
    }


def _number(value) -> float:
    return float(f"{float(value):.4g}")


def _index(flat: int, shape: tuple[int, ...]) -> list[int]:
    return [int(i) for i in np.unravel_index(int(flat), shape)]
