"""What an exercise's trusted cases.py builds: a list of `Case`.

cases.py defines `cases() -> Iterable[Case]` (seeded, deterministic) and may define
trusted checks `def NAME(case, expected, got) -> str | None` named by `Case.check`.
A check gets the case with its resolved `rtol`/`atol` set and returns None when `got` is
right, else a message for the learner (shown only on visible cases). `compare_value` is
the default comparison, for checks to reuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from grader.compare import compare_value  # re-exported for cases.py

__all__ = ["Case", "compare_value"]


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
    check     name of a trusted check function in cases.py that replaces the default
              comparison of the result (gradients are still compared by default).
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
