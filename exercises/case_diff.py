"""Draw a failing visible case's array difference (grader/array_diff.py) for a page.

The data was computed on the trusted side and stored with the submission; it is checked
again here field by field, so a malformed entry draws nothing rather than a broken page.
The heatmap is an SVG built from rectangles: no script, no learner text.
"""

from __future__ import annotations

import math

CELL = 14  # heatmap cell size in SVG units
MAX_SIDE = 64


def case_diff_context(diff: object) -> dict | None:
    """Template context for one diff, or None when there is nothing sound to draw."""
    if not isinstance(diff, dict):
        return None
    kind = diff.get("kind")
    if kind == "shape":
        return _shape(diff)
    if kind == "values":
        return _values(diff)
    return None


def _ints(value) -> list[int] | None:
    if isinstance(value, list) and all(type(v) is int and v >= 0 for v in value):
        return value
    return None


def _shape(diff: dict) -> dict | None:
    expected, got = _ints(diff.get("expected_shape")), _ints(diff.get("got_shape"))
    if expected is None or got is None:
        return None
    return {
        "kind": "shape",
        "path": str(diff.get("path", "result")),
        "expected": "(" + ", ".join(map(str, expected)) + ("," if len(expected) == 1 else "") + ")",
        "got": "(" + ", ".join(map(str, got)) + ("," if len(got) == 1 else "") + ")",
        "explanation": str(diff.get("explanation") or ""),
    }


def _number(value) -> float | None:
    return float(value) if type(value) in (int, float) and math.isfinite(value) else None


def _text(value) -> str | None:
    number = _number(value)
    return None if number is None else f"{number:.4g}"


def _values(diff: dict) -> dict | None:
    context = {
        "kind": "values",
        "path": str(diff.get("path", "result")),
        "shape": ", ".join(map(str, _ints(diff.get("shape")) or [])),
        "mismatches": diff.get("mismatches") if type(diff.get("mismatches")) is int else None,
        "size": diff.get("size") if type(diff.get("size")) is int else None,
        "nonfinite": diff.get("nonfinite") if type(diff.get("nonfinite")) is int else 0,
        "rtol": _text(diff.get("rtol")),
        "atol": _text(diff.get("atol")),
        "max_abs": _text(diff.get("max_abs")),
        "max_abs_at": _ints(diff.get("max_abs_at")),
        "max_rel": _text(diff.get("max_rel")),
        "max_rel_at": _ints(diff.get("max_rel_at")),
    }
    cells = diff.get("cells")
    heatmap = diff.get("heatmap")
    if isinstance(cells, dict):
        context["rows"] = _cell_rows(cells)
    elif isinstance(heatmap, dict):
        context["heatmap"] = _heatmap(heatmap)
    return context


def _cell_rows(cells: dict) -> list[list[dict]] | None:
    expected, got, bad = cells.get("expected"), cells.get("got"), cells.get("bad")
    if not (isinstance(expected, list) and isinstance(got, list) and isinstance(bad, list)):
        return None
    if not (len(expected) == len(got) == len(bad) <= MAX_SIDE):
        return None
    rows = []
    for e_row, g_row, b_row in zip(expected, got, bad, strict=True):
        if not (isinstance(e_row, list) and isinstance(g_row, list) and isinstance(b_row, list)):
            return None
        if not len(e_row) == len(g_row) == len(b_row) <= MAX_SIDE:
            return None
        rows.append(
            [
                {"expected": str(e)[:16], "got": str(g)[:16], "bad": b is True}
                for e, g, b in zip(e_row, g_row, b_row, strict=True)
            ]
        )
    return rows


def _heatmap(heatmap: dict) -> dict | None:
    ratio, marks = heatmap.get("ratio"), heatmap.get("marks")
    if not (isinstance(ratio, list) and isinstance(marks, list) and len(ratio) == len(marks)):
        return None
    if not ratio or len(ratio) > MAX_SIDE:
        return None
    width = len(ratio[0]) if isinstance(ratio[0], list) else 0
    if not 0 < width <= MAX_SIDE:
        return None
    rects = []
    for r, (row, mark_row) in enumerate(zip(ratio, marks, strict=True)):
        if not (isinstance(row, list) and isinstance(mark_row, list)):
            return None
        if not len(row) == len(mark_row) == width:
            return None
        for c, (value, mark) in enumerate(zip(row, mark_row, strict=True)):
            value = _number(value)
            rects.append(
                {
                    "x": c * CELL,
                    "y": r * CELL,
                    "fill": _colour(value, mark),
                    "mark": mark if mark in ("nan", "inf") else "",
                }
            )
    return {
        "rects": rects,
        "cell": CELL,
        "width": width * CELL,
        "height": len(ratio) * CELL,
        "rows": heatmap.get("rows") if type(heatmap.get("rows")) is int else None,
        "cols": heatmap.get("cols") if type(heatmap.get("cols")) is int else None,
        "row_step": heatmap.get("row_step") if type(heatmap.get("row_step")) is int else 1,
        "col_step": heatmap.get("col_step") if type(heatmap.get("col_step")) is int else 1,
    }


def _colour(ratio: float | None, mark: str) -> str:
    """Within tolerance: pale; outside: orange to deep red by orders of magnitude."""
    if mark in ("nan", "inf") or ratio is None:
        return "#6d28d9"
    if ratio <= 1:
        return "#e8f5ec" if ratio < 0.5 else "#cdebd6"
    level = min(1.0, math.log10(ratio) / 6)  # 1 (edge) … 10^6 times the tolerance
    red = 253 - round(level * 100)
    green = 186 - round(level * 166)
    blue = 116 - round(level * 96)
    return f"#{red:02x}{green:02x}{blue:02x}"
