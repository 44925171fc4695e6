"""Per exercise version: its cases, the reference outputs and the known-wrong outputs.

Computed on the trusted side (a grading worker process that never runs learner code) and
kept in memory per content hash, so a warm worker judges a submission without rerunning
cases.py or the reference.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from exercises.models import Exercise, ExerciseDataFile
from grader.casekit import Case
from grader.reference import (
    ExerciseBroken,
    case_payload,
    load_cases,
    reference_outputs,
    run_trusted,
)
from grader.sandbox.host import encode_case
from grader.trained import TrainedModelCheck

MAX_VERSIONS = 64


@dataclass
class PreparedExercise:
    version: str
    slug: str
    kind: str
    entry_point: str
    tolerance: tuple[float, float]
    cases: list[Case]
    checks: dict
    expected: list
    forbidden: list[str]
    wrong_sources: list[tuple[str, str, str]]  # (name, source, hint)
    trained: TrainedModelCheck | None = None  # the trained-model check, if the exercise has it
    _wrong_outputs: list | None = field(default=None, repr=False)
    _frames: dict = field(default_factory=dict, repr=False)

    def indices(self, *, visible: bool) -> list[int]:
        return [i for i, case in enumerate(self.cases) if case.visible == visible]

    def payloads(self, indices: list[int]) -> list[bytes]:
        """The encoded inputs of these cases, encoded once per exercise version."""
        key = tuple(indices)
        if key not in self._frames:
            self._frames[key] = [encode_case(case_payload(self.cases[i])) for i in indices]
        return self._frames[key]

    def wrong_outputs(self) -> list[tuple[str, str, list]]:
        """(name, hint, outputs) of each known-wrong solution on the learner's inputs."""
        if self._wrong_outputs is None and self.trained is not None:
            self._wrong_outputs = []  # trained weights are not compared: no hint by outputs
        if self._wrong_outputs is None:
            computed = []
            for name, source, hint in self.wrong_sources:
                try:
                    outputs = run_trusted(source, self.entry_point, self.cases, float64=False)
                except Exception:  # a wrong solution that cannot even load matches nothing
                    continue
                computed.append((name, hint, outputs))
            self._wrong_outputs = computed
        return self._wrong_outputs


_cache: OrderedDict[str, PreparedExercise] = OrderedDict()
_lock = threading.Lock()


def prepared_exercise(exercise: Exercise) -> PreparedExercise:
    """Return the cached preparation of this exercise version, building it on first use."""
    key = exercise.content_hash or f"unhashed-{exercise.pk}-{exercise.updated_at}"
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    prepared = _prepare(exercise, key)
    with _lock:
        _cache[key] = prepared
        while len(_cache) > MAX_VERSIONS:
            _cache.popitem(last=False)
    return prepared


def _prepare(exercise: Exercise, version: str) -> PreparedExercise:
    _limit_torch_threads()
    inputs, heldout = _data_files(exercise)
    case_set = load_cases(exercise.cases_source, slug=exercise.slug, data=inputs)
    trained = None
    if exercise.trained_model:
        # Graded by a trusted scorer, not against reference outputs: the reference trains
        # only when validated (grader/validation.py), never when a worker prepares.
        trained = TrainedModelCheck.from_config(exercise.trained_model, heldout)
        expected = [None] * len(case_set.cases)
    else:
        expected = reference_outputs(
            exercise.reference_solution, exercise.entry_point, case_set.cases, slug=exercise.slug
        )
    wrong = [(w.name, w.source, w.hint) for w in exercise.wrong_solutions.all()]
    return PreparedExercise(
        version=version,
        slug=exercise.slug,
        kind=exercise.kind,
        entry_point=exercise.entry_point,
        tolerance=exercise.tolerance,
        cases=case_set.cases,
        checks=case_set.checks,
        expected=expected,
        forbidden=list(exercise.forbidden or []),
        wrong_sources=wrong,
        trained=trained,
    )


def _data_files(exercise: Exercise) -> tuple[dict[str, str] | None, dict[str, str]]:
    """(input files for cases(), or None when there are none; held-out files)."""
    rows = list(exercise.data_files.all())
    inputs = {r.name: r.text for r in rows if r.role == ExerciseDataFile.Role.INPUT}
    heldout = {r.name: r.text for r in rows if r.role == ExerciseDataFile.Role.HELDOUT}
    return (inputs or None), heldout


def _limit_torch_threads() -> None:
    # Reference computations are tiny; one thread keeps two worker processes from
    # oversubscribing two cores.
    import torch

    if torch.get_num_threads() != 1:
        torch.set_num_threads(1)


__all__ = ["ExerciseBroken", "PreparedExercise", "prepared_exercise"]
