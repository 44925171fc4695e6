"""Validation of a trained-model exercise: the reference's margin over several seeds.

A trained-model exercise passes by a threshold, not by equality, so a reference that
passes once proves little: it is trained again on every case with other seeds (the
argument at `seed_index`), through the real sandbox (the reference is author code: it
runs in learner jobs, never here), and the report gives the worst
held-out score and its margin below the threshold.
"""

from __future__ import annotations

import dataclasses
import json
import struct

from grader.exercise_cache import PreparedExercise
from grader.grading import GraderOptions, grade_source
from grader.sandbox import Limits
from grader.sandbox.runtime import wire

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
    cases = [dataclasses.replace(case, visible=True) for case in prepared.cases]
    for run in range(1, runs + 1):
        seeds, frames = [], []
        for case, frame in zip(prepared.cases, prepared.frames, strict=True):
            seed, reseeded_frame = _reseeded(frame, seed_index, run * SEED_STRIDE, case.name)
            seeds.append(seed)
            frames.append(reseeded_frame)
        reseeded = dataclasses.replace(prepared, cases=cases, frames=frames)
        outcome = grade_source(
            prepared=reseeded,
            source=reference,
            visible_only=True,
            limits=limits,
            options=options,
            reveal_hidden=True,
            enforce_forbidden=False,
        )
        for case, seed, result in zip(cases, seeds, outcome.cases, strict=False):
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


def _reseeded(frame: bytes, seed_index: int, offset: int, name: str) -> tuple[int, bytes]:
    """The case's input frame (made by cases.py in its author job) with the int argument at
    `seed_index` moved by `offset`: the header's tree is edited as data, the payload (the
    tensors, with their torch flags) is kept byte for byte."""
    header, payload, used = wire.read_frame(frame)
    if used != len(frame):
        raise ValueError(f"case {name!r}: its input frame has bytes after it")
    fields = dict(header["tree"]["v"]) if header["tree"].get("t") == "dict" else {}
    args = fields.get("args") or {}
    nodes = args.get("v") if args.get("t") in ("list", "tuple") else None
    if nodes is None or seed_index >= len(nodes) or nodes[seed_index].get("t") != "int":
        raise ValueError(f"case {name!r}: argument {seed_index} is not an int seed")
    seed = int(nodes[seed_index]["v"]) + offset
    nodes[seed_index] = {"t": "int", "v": str(seed)}
    data = json.dumps(header, separators=(",", ":")).encode()
    body = bytes(payload)
    packed = b"".join(
        [wire.MAGIC, struct.pack(">I", len(data)), data, struct.pack(">Q", len(body)), body]
    )
    return seed, packed
