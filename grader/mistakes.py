"""Which known mistake (an exercise's wrong/ solution) a learner's outputs reproduce.

A mistake matches only when the learner's results equal that wrong solution's on every
case that was compared: the value, every gradient, any argument handed back after the
call, or the exception type when the wrong solution raises. A forward pass that is right
with a backward pass that is wrong is not "detached" just because the values agree.
"""

from __future__ import annotations

from grader.compare import compare_value
from grader.exercise_cache import PreparedExercise
from grader.sandbox.runtime.wire import Unsupported


def mistakes_reproduced(prepared: PreparedExercise, gots: dict, indices: list[int]) -> list[str]:
    """Names of the wrong solutions whose results the learner's equal on every case in
    `indices` (`gots` maps a case index to the learner's decoded result), in name order."""
    if not indices or any(index not in gots for index in indices):
        return []
    names = []
    for name, _hint, outputs in prepared.wrong_outputs():
        if all(_same_result(prepared, i, outputs[i], gots[i]) for i in indices):
            names.append(name)
    return names


def mistake_hint(prepared: PreparedExercise, names: list[str]) -> tuple[str, str]:
    """(name, hint) of the first matched mistake in the exercise's order, or ("", "")."""
    wanted = set(names)
    for name, hint, _outputs in prepared.wrong_outputs():
        if name in wanted:
            return name, hint
    return "", ""


def _same_result(prepared: PreparedExercise, index: int, wrong, got) -> bool:
    if type(wrong) is not dict or type(got) is not dict:
        return False
    if "error" in wrong:
        error = got.get("error")
        return type(error) is dict and error.get("type") == wrong["error"].get("type")
    if "value" not in wrong or "value" not in got:
        return False
    case = prepared.cases[index]
    rtol = prepared.tolerance[0] if case.rtol is None else case.rtol
    atol = prepared.tolerance[1] if case.atol is None else case.atol
    bool_result = prepared.rules.bool_result
    if not _same_value(wrong["value"], got["value"], rtol, atol, bool_result):
        return False
    # Everything else that was compared: gradients, and arguments handed back after the call.
    for key in ("grads", "inputs_after"):
        if key not in wrong and key not in got:
            continue
        wrong_items, got_items = wrong.get(key), got.get(key)
        if type(wrong_items) is not list or type(got_items) is not list:
            return False
        if len(wrong_items) != len(got_items):
            return False
        pairs = zip(wrong_items, got_items, strict=True)
        if not all(_same_value(w, g, rtol, atol, True) for w, g in pairs):
            return False
    return True


def _same_value(wrong, got, rtol: float, atol: float, bool_result: bool) -> bool:
    if isinstance(wrong, Unsupported):
        # e.g. "a result that carries no gradients (was it detached?)" on both sides
        return isinstance(got, Unsupported) and got.what == wrong.what
    try:
        return compare_value(wrong, got, rtol=rtol, atol=atol, bool_result=bool_result) is None
    except (TypeError, ValueError, OverflowError):
        return False
