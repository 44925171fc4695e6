"""Authoring aid: check an exercise folder in-process, without Django or the sandbox.

    python -m grader.devcheck content/genai-llm/01-foundations/softmax [--also my_try.py ...]

Runs only trusted files (the package's own and the author's --also files): the reference
must pass every case, the starter and every wrong/ solution must fail at least one hidden
case, and every --also file (another correct solution) must pass. `manage.py
validate_exercises` does the same through the real sandbox.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exercises.package import DEFAULT_TOLERANCE, PackageError, read_exercise
from grader.judging import judge_all
from grader.reference import ExerciseBroken, load_cases, reference_outputs, run_trusted


def check_folder(folder: Path, also: list[Path]) -> list[str]:
    spec = read_exercise(folder)
    inputs = {f.name: f.text for f in spec.data_files if not f.heldout}
    case_set = load_cases(spec.cases_source, slug=spec.slug, data=inputs or None)
    if spec.trained_model:
        return _check_trained(spec, case_set.cases, also)
    cases = case_set.cases
    expected = reference_outputs(spec.reference_solution, spec.entry_point, cases, slug=spec.slug)
    default_rtol, default_atol = DEFAULT_TOLERANCE[spec.kind]
    tol = (
        default_rtol if spec.rtol is None else spec.rtol,
        default_atol if spec.atol is None else spec.atol,
    )
    problems = []
    hidden = sum(not c.visible for c in cases)
    print(
        f"{spec.slug}: {len(cases) - hidden} visible, {hidden} hidden cases, "
        f"{len(spec.wrong)} wrong solutions, tolerance {tol}"
    )

    def judge(label, source, must_pass):
        got = run_trusted(source, spec.entry_point, cases, float64=False)
        judgement = judge_all(
            cases, expected, got, tolerance=tol, checks=case_set.checks, reveal_hidden=True
        )
        hidden_failed = [r.name for r in judgement.cases if not r.passed and not r.visible]
        failed = [r for r in judgement.cases if not r.passed]
        ok = (not failed) if must_pass else bool(hidden_failed)
        mark = "ok  " if ok else "BAD "
        detail = "" if not failed else f" failed: {', '.join(r.name for r in failed)[:150]}"
        print(f"  {mark}{label:<32} score {judgement.score:.2f}{detail}")
        if must_pass and failed:
            for r in failed[:3]:
                print(f"      {r.name}: {r.message}"[:300])
        if not ok:
            should = "should pass" if must_pass else "should fail a hidden case"
            problems.append(f"{spec.slug}: {label} {should}")

    judge("solution.py (as learner, float32)", spec.reference_solution, True)
    judge("starter.py", spec.starter_code, False)
    for wrong in spec.wrong:
        judge(f"wrong/{wrong.name}.py", wrong.source, False)
    for path in also:
        judge(f"also {path.name}", path.read_text(), True)
    return problems


def _check_trained(spec, cases, also: list[Path]) -> list[str]:
    """Trained-model exercises: every file trains in-process; the trusted scorer judges."""
    from grader.trained import TrainedModelCheck

    heldout = {f.name: f.text for f in spec.data_files if f.heldout}
    check = TrainedModelCheck.from_config(spec.trained_model, heldout)
    problems = []
    print(f"{spec.slug}: trained-model check ({check.scorer}, threshold {check.threshold:g})")

    def judge(label, source, must_pass):
        got = run_trusted(source, spec.entry_point, cases, float64=False)
        results = [
            check.judge(c.name, c.visible, g, reveal=True) for c, g in zip(cases, got, strict=True)
        ]
        scores = ", ".join(
            f"{r.raw_score:.3f}" if r.raw_score is not None else r.message[:60] for r in results
        )
        hidden_failed = [r for r in results if not r.passed and not r.visible]
        ok = all(r.passed for r in results) if must_pass else bool(hidden_failed)
        print(f"  {'ok  ' if ok else 'BAD '}{label:<32} {scores}")
        if not ok:
            problems.append(f"{spec.slug}: {label} should {'pass' if must_pass else 'fail'}")

    judge("solution.py", spec.reference_solution, True)
    judge("starter.py", spec.starter_code, False)
    for wrong in spec.wrong:
        judge(f"wrong/{wrong.name}.py", wrong.source, False)
    for path in also:
        judge(f"also {path.name}", path.read_text(), True)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--also", nargs="*", type=Path, default=[])
    args = parser.parse_args(argv)
    problems = []
    for folder in args.folders:
        try:
            problems += check_folder(folder, args.also)
        except (PackageError, ExerciseBroken) as exc:
            problems.append(str(exc))
            print(f"ERROR {exc}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
