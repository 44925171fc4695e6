"""A small exercise for the sandbox tests: `double(x) -> 2 * x`, graded like the service does.

Cases mix numpy arrays, float32 tensors (one with a gradient check) and a Python int, so one
hostile submission exercises every input and result path. Grading runs every case in one
sandbox job, as a submit does, judges on this side with grader.judging, and maps the run
to a verdict with grader.sandbox.verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import torch

from grader.casekit import Case
from grader.judging import judge_all
from grader.reference import case_payload
from grader.sandbox import Limits, RunResult, Sandbox
from grader.sandbox.authoring import compute_outputs
from grader.sandbox.host import encode_case
from grader.sandbox.verdict import verdict_of

ENTRY_POINT = "double"
REFERENCE = "def double(x):\n    return 2 * x\n"
CORRECT = "def double(x):\n    return x + x\n"
TOLERANCE = (1e-7, 1e-9)
LIMITS = Limits(wall_seconds=2.0, cpu_seconds=1.0, memory_mb=256)


@lru_cache(maxsize=1)
def cases() -> tuple[Case, ...]:
    rng = np.random.default_rng(5)
    return (
        Case("small vector", args=(np.array([1.0, 2.0]),), visible=True),
        Case("matrix", args=(np.array([[1.0, -2.0], [0.5, 4.0]]),), visible=True),
        Case("random numpy", args=(rng.normal(size=(5, 3)),)),
        Case("float32 tensor", args=(torch.tensor([1.5, -2.0, 3.25]),)),
        Case("gradient flows", args=(torch.tensor([0.5, 1.0]),), grad_wrt=(0,)),
        Case("python int", args=(21,)),
    )


_expected: dict[str, tuple] = {}


def expected(sandbox: Sandbox) -> tuple:
    """The reference's results, computed once in an author job (float64 inputs)."""
    if "double" not in _expected:
        _expected["double"] = tuple(
            compute_outputs(
                sandbox,
                source=REFERENCE,
                entry_point=ENTRY_POINT,
                filename="solution.py",
                frames=[encode_case(case_payload(c)) for c in cases()],
                float64=True,
                limits=LIMITS,
            )
        )
    return _expected["double"]


@dataclass
class Graded:
    verdict: str
    runs: list[RunResult] = field(default_factory=list)

    def texts(self) -> list[str]:
        """Everything a learner (or a log) could be shown about these runs."""
        out = []
        for run in self.runs:
            out += [
                run.stdout,
                run.message,
                repr(run.results),
                repr(run.load_error),
                repr(run.forbidden_used),
            ]
        return out


def grade(sandbox: Sandbox, source: str, *, limits: Limits = LIMITS) -> Graded:
    """Grade as a submit does: every case in one sandbox job, judged on this side."""
    all_cases, all_expected = list(cases()), list(expected(sandbox))
    run = sandbox.run(
        source=source,
        entry_point=ENTRY_POINT,
        kind="torch",
        cases=[case_payload(c) for c in all_cases],
        limits=limits,
    )
    judgement = None
    if run.status == "ok" and run.load_error is None and len(run.results) == len(all_cases):
        judgement = judge_all(all_cases, all_expected, run.results, tolerance=TOLERANCE, checks={})
    return Graded(verdict=verdict_of(run, judgement), runs=[run])
