"""`Case`: what an exercise's cases.py yields (one call of the learner's entry point).

This file is the one definition, on both sides: inside the sandbox it is importable as
`grader.casekit` by cases.py (runtime/author.py registers it), and the trusted side
re-exports it from grader/casekit.py. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Case"]


@dataclass(frozen=True)
class Case:
    """One call of the learner's entry point.

    name      shown to the learner for hidden cases too: say what the case checks
              ("large logits stay finite"), never its data.
    args      positional arguments: numpy arrays, torch tensors, Python scalars, str,
              list, tuple, dict. The learner gets them as given; the reference gets
              floating arrays and tensors cast to float64.
    grad_wrt  indices of tensor arguments whose gradients are checked: the sandbox calls
              backward with `grad_output` (default: ones) and returns the gradients.
    check     name of a platform check (grader/checks.py, e.g. "rows_up_to_sign") that
              replaces the default comparison of the result (gradients are still
              compared by default).
    """

    name: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    visible: bool = False
    rtol: float | None = None
    atol: float | None = None
    grad_wrt: tuple[int, ...] = ()
    grad_output: Any = None
    check: str | None = None
