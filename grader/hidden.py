"""What may leave a sandbox job that held hidden inputs: per case passed/failed, a category.

A learner's module can read everything in its own process (walk the stack at import to
the harness's case frames, `gc.get_objects()`), so anything such a job sends back may
encode the hidden inputs: load errors, tracebacks, exception and type names, "got ..."
descriptions, stdout, exit codes, signal numbers, frame lengths, the forbidden-names
record. `seal` judges the run here, on the trusted side, and keeps only a
`HiddenVerdict`: a type that cannot hold text. The run itself goes no further, and every
word said about the hidden cases comes from the fixed strings of `hidden_message`.

The one other thing a hidden job can yield is which of the exercise's known mistakes its
outputs reproduced on every hidden case: names from the exercise's own (trusted) list,
found by trusted comparison, like a per-case category (docs/sandbox.md).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from grader.exercise_cache import PreparedExercise
from grader.judging import Judgement, judge_case
from grader.mistakes import mistakes_reproduced
from grader.sandbox import Limits, RunResult
from grader.sandbox.verdict import verdict_of


class HiddenCategory(enum.StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"


@dataclass(frozen=True, slots=True)
class HiddenVerdict:
    """Everything kept from a hidden job: a category and booleans, never a string it sent."""

    category: HiddenCategory
    passed: tuple[bool, ...]
    forbidden: bool = False
    mistakes: frozenset[str] = frozenset()  # names of known-wrong solutions (trusted)

    def __post_init__(self) -> None:
        # Exact types, so that no learner object (a str subclass, a lying __bool__) is kept.
        if type(self.category) is not HiddenCategory:
            raise TypeError("category must be a HiddenCategory")
        if type(self.passed) is not tuple or any(type(p) is not bool for p in self.passed):
            raise TypeError("passed must be a tuple of bools")
        if type(self.forbidden) is not bool:
            raise TypeError("forbidden must be a bool")
        if type(self.mistakes) is not frozenset or any(type(n) is not str for n in self.mistakes):
            raise TypeError("mistakes must be a frozenset of names")


def seal(
    prepared: PreparedExercise, run: RunResult, indices: list[int], *, mistakes_over: list[int]
) -> HiddenVerdict:
    """Judge a hidden job's run on the trusted side and keep only its HiddenVerdict.

    `indices` are the prepared cases the job ran, in order. When a case failed, the known
    mistakes reproduced on every case of `mistakes_over` (a subset of `indices`: the
    hidden ones, whose results nothing else will show) are kept by name.
    """
    results = [run.results[p] if p < len(run.results) else None for p in range(len(indices))]
    judged = [
        judge_case(
            prepared.cases[index],
            prepared.expected[index],
            got,
            tolerance=prepared.tolerance,
            checks=prepared.checks,
            rules=prepared.rules,
        )
        for index, got in zip(indices, results, strict=True)
    ]
    passed = tuple(bool(case.passed) for case in judged)
    all_passed = bool(judged) and all(passed)
    judgement = Judgement(verdict="passed" if all_passed else "failed", score=0.0, cases=judged)
    category = HiddenCategory(verdict_of(run, judgement))
    forbidden = bool(run.forbidden_used) and run.status == "ok" and run.load_error is None
    mistakes: frozenset[str] = frozenset()
    complete = run.status == "ok" and run.load_error is None and len(run.results) == len(indices)
    if complete and not forbidden and not all_passed:
        gots = dict(zip(indices, results, strict=True))
        if mistakes_over:
            mistakes = frozenset(mistakes_reproduced(prepared, gots, mistakes_over))
        else:  # nothing hidden to compare: every mistake is still possible
            mistakes = frozenset(name for name, _hint, _out in prepared.wrong_outputs())
    return HiddenVerdict(category=category, passed=passed, forbidden=forbidden, mistakes=mistakes)


def hidden_message(verdict: HiddenVerdict, limits: Limits) -> str:
    """The fixed text for a hidden job's category (only trusted numbers: the limits)."""
    if verdict.forbidden:
        return (
            "Your code called a function this exercise forbids while running the hidden "
            "cases: implement it yourself."
        )
    if verdict.category == HiddenCategory.TIMEOUT:
        return (
            "Your code ran out of time on the hidden cases (limits: "
            f"{limits.cpu_seconds:g} s of CPU time, {limits.wall_seconds:g} s wall clock)."
        )
    if verdict.category == HiddenCategory.MEMORY_LIMIT:
        return f"Your code ran out of memory on the hidden cases ({limits.memory_mb} MB limit)."
    if verdict.category == HiddenCategory.OUTPUT_LIMIT:
        return "Your code printed or returned too much on the hidden cases."
    if verdict.category == HiddenCategory.ERROR:
        return (
            "Your code raised an exception, crashed or stopped early on the hidden cases. "
            "Hidden cases show no details: look for inputs the visible cases do not cover "
            "(other shapes, extreme or special values)."
        )
    return ""
