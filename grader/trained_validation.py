"""Validation of a trained-model exercise: the reference's margin over several seeds.

A trained-model exercise passes by a threshold, not by equality, so a reference that
passes once proves little: it is trained again on every case with other seeds (the
argument at `seed_index`), through the real sandbox, and the report gives the worst
held-out score and its margin below the threshold.
"""

from __future__ import annotations

import dataclasses

from grader.exercise_cache import PreparedExercise
from grader.grading import GraderOptions, grade_source
from grader.sandbox import Limits

DEFAULT_SEED_RUNS = 3
SEED_STRIDE = 1000  # far from the seeds cases.py uses (small integers)


@dataclasses.dataclass(frozen=True)
class SeedMargin:
    scores: list[tuple[str, int, float]]  # (case name, seed, score)
    threshold: float
    failures: list[str]

    @property
    def worst(self) -> float:
        return max(score for _, _, score in self.scores)

    @property
    def margin(self) -> float:
        return self.threshold - self.worst


def reference_seed_margin(
    *,
    prepared: PreparedExercise,
    reference: str,
    limits: Limits,
    options: GraderOptions,
    runs: int = DEFAULT_SEED_RUNS,
) -> SeedMargin | None:
    """Train the reference `runs` times per case with new seeds; None without a seed_index."""
    check = prepared.trained
    seed_index = check.seed_index if check is not None else None
    if seed_index is None or runs <= 0:
        return None
    scores, failures = [], []
    for run in range(1, runs + 1):
        cases = []
        for case in prepared.cases:
            args = list(case.args)
            if seed_index >= len(args) or type(args[seed_index]) is not int:
                raise ValueError(f"case {case.name!r}: argument {seed_index} is not an int seed")
            args[seed_index] = args[seed_index] + run * SEED_STRIDE
            cases.append(dataclasses.replace(case, args=tuple(args), visible=True))
        reseeded = dataclasses.replace(prepared, cases=cases, _frames={})
        outcome = grade_source(
            prepared=reseeded,
            source=reference,
            visible_only=True,
            limits=limits,
            options=options,
            reveal_hidden=True,
            enforce_forbidden=False,
        )
        for case, result in zip(cases, outcome.cases, strict=False):
            seed = case.args[seed_index]
            score = getattr(result, "raw_score", None)
            if score is None:
                failures.append(f"{case.name} (seed {seed}): {result.message[:200]}")
                continue
            scores.append((case.name, seed, score))
            if not result.passed:
                failures.append(f"{case.name} (seed {seed}): {score:.3f}")
    if not scores:
        return SeedMargin(
            scores=[("none", 0, float("inf"))],
            threshold=check.threshold,
            failures=failures or ["no run returned a score"],
        )
    return SeedMargin(scores=scores, threshold=check.threshold, failures=failures)
