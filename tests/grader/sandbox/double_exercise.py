"""A small exercise for the sandbox tests: `double(x) -> 2 * x`, graded like the service does.

Cases mix numpy arrays, float32 tensors (one with a gradient check) and a Python int, so one
hostile submission exercises every input and result path. Grading runs the visible cases
in one sandbox job and the hidden ones in a second, judges on this side with
grader.judging, and maps each run to a verdict with grader.sandbox.verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import torch

from grader.casekit import Case
from grader.judging import judge_all
from grader.reference import case_payload, reference_outputs
from grader.sandbox import Limits, RunResult, Sandbox
from grader.sandbox.verdict import combine, verdict_of

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


@lru_cache(maxsize=1)
def expected() -> tuple:
    return tuple(reference_outputs(REFERENCE, ENTRY_POINT, list(cases()), slug="double"))


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
    all_cases, all_expected = list(cases()), list(expected())
    graded = Graded(verdict="passed")
    verdicts = []
    for visible in (True, False):
        picked = [i for i, c in enumerate(all_cases) if c.visible == visible]
        group = [all_cases[i] for i in picked]
        run = sandbox.run(
            source=source,
            entry_point=ENTRY_POINT,
            kind="torch",
            cases=[case_payload(c) for c in group],
            limits=limits,
        )
        graded.runs.append(run)
        judgement = None
        if run.status == "ok" and run.load_error is None and len(run.results) == len(group):
            judgement = judge_all(
                group,
                [all_expected[i] for i in picked],
                run.results,
                tolerance=TOLERANCE,
                checks={},
            )
        verdicts.append(verdict_of(run, judgement))
        if verdicts[-1] != "passed":
            break  # the service's verdict is already a non-pass; spare the hidden run
    graded.verdict = combine(*verdicts)
    return graded
