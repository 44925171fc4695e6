"""Per exercise version: its cases, the reference outputs and the known-wrong outputs.

All three come from author jobs in the sandbox (grader/reference.py); this process only
keeps the data, per content hash, so a warm worker judges a submission without running
any author job again. A version whose own code failed is remembered as broken too (unless
the failure may pass on its own, like a wall-clock limit on a busy machine).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from exercises.models import Exercise, ExerciseDataFile
from grader.casekit import Case
from grader.judging import NO_RULES, ResultRules
from grader.reference import (
    ExerciseBroken,
    load_cases,
    reference_outputs,
    wrong_outputs,
)
from grader.sandbox import Limits
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
    frames: list[bytes] = field(default_factory=list, repr=False)  # each case's inputs
    cases_stdout: str = ""
    wrong_limits: Limits | None = None
    options: object = None  # grader.grading.GraderOptions: whose sandbox runs wrong/ jobs
    rules: ResultRules = NO_RULES  # declared in exercise.toml: bool result, unchanged inputs
    trained: TrainedModelCheck | None = None  # the trained-model check, if the exercise has it
    _wrong_outputs: list | None = field(default=None, repr=False)

    def indices(self, *, visible: bool) -> list[int]:
        return [i for i, case in enumerate(self.cases) if case.visible == visible]

    def payloads(self, indices: list[int]) -> list[bytes]:
        """The input frames of these cases (as cases.py made them, in the author job)."""
        return [self.frames[i] for i in indices]

    def wrong_outputs(self) -> list[tuple[str, str, list]]:
        """(name, hint, outputs) of each known-wrong solution on the learner's inputs.

        Computed on first need (a hint is looked for only when a submission fails), each
        solution in its own author job with the exercise's learner limits.
        """
        if self._wrong_outputs is None and self.trained is not None:
            self._wrong_outputs = []  # trained weights are not compared: no hint by outputs
        if self._wrong_outputs is None:
            computed = []
            for name, source, hint in self.wrong_sources:
                outputs = wrong_outputs(
                    self.options.sandbox(),
                    source=source,
                    entry_point=self.entry_point,
                    name=name,
                    frames=self.frames,
                    limits=self.wrong_limits,
                )
                if outputs is not None:  # one that cannot even load matches nothing
                    computed.append((name, hint, outputs))
            self._wrong_outputs = computed
        return self._wrong_outputs


_cache: OrderedDict[str, PreparedExercise | ExerciseBroken] = OrderedDict()
_lock = threading.Lock()


def prepared_exercise(exercise: Exercise) -> PreparedExercise:
    """Return the cached preparation of this exercise version, building it on first use.

    Raises ExerciseBroken (the exercise's own code failed) or SandboxUnavailable.
    """
    key = exercise.content_hash or f"unhashed-{exercise.pk}-{exercise.updated_at}"
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            found = _cache[key]
            if isinstance(found, ExerciseBroken):
                raise found
            return found
    try:
        prepared: PreparedExercise | ExerciseBroken = _prepare(exercise, key)
    except ExerciseBroken as exc:
        if not exc.lasting:
            raise
        prepared = exc
    with _lock:
        _cache[key] = prepared
        while len(_cache) > MAX_VERSIONS:
            _cache.popitem(last=False)
    if isinstance(prepared, ExerciseBroken):
        raise prepared
    return prepared


def _prepare(exercise: Exercise, version: str) -> PreparedExercise:
    # Deferred: grader.services imports this module.
    from grader.services import author_limits, exercise_limits, grader_options

    try:
        rules = ResultRules.declared(
            bool_result=exercise.bool_result,
            unchanged_inputs=list(exercise.unchanged_inputs or []),
            reference=exercise.reference_solution,
            entry_point=exercise.entry_point,
        )
    except (ValueError, SyntaxError) as exc:  # the declaration, read from text, not run
        raise ExerciseBroken(f"{exercise.slug}: {exc}") from exc
    options = grader_options()
    sandbox = options.sandbox()
    limits = author_limits()
    inputs, heldout = _data_files(exercise)
    case_set = load_cases(
        sandbox,
        source=exercise.cases_source,
        slug=exercise.slug,
        limits=limits,
        rules=rules,
        data=inputs,
    )
    trained = None
    if exercise.trained_model:
        # Graded by a trusted scorer on held-out files (which stay on this side), not
        # against reference outputs: the reference trains, in the sandbox, only when the
        # exercise is validated (grader/validation.py), never when a worker prepares.
        trained = TrainedModelCheck.from_config(exercise.trained_model, heldout)
        expected = [None] * len(case_set.cases)
    else:
        expected = reference_outputs(
            sandbox,
            source=exercise.reference_solution,
            entry_point=exercise.entry_point,
            case_set=case_set,
            slug=exercise.slug,
            limits=limits,
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
        frames=case_set.frames,
        cases_stdout=case_set.stdout,
        wrong_limits=exercise_limits(exercise),
        options=options,
        rules=rules,
        trained=trained,
    )


def _data_files(exercise: Exercise) -> tuple[dict[str, str] | None, dict[str, str]]:
    """(input files for cases(), or None when there are none; held-out files).

    Only the input files go to the author job that runs cases.py; the held-out files stay
    here, for the trusted scorer.
    """
    rows = list(exercise.data_files.all())
    inputs = {r.name: r.text for r in rows if r.role == ExerciseDataFile.Role.INPUT}
    heldout = {r.name: r.text for r in rows if r.role == ExerciseDataFile.Role.HELDOUT}
    return (inputs or None), heldout


__all__ = ["ExerciseBroken", "PreparedExercise", "prepared_exercise"]
