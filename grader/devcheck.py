"""Authoring aid: check an exercise folder without Django, through the sandbox.

    python -m grader.devcheck content/genai-llm/01-foundations/softmax [--also my_try.py ...]

The folder's cases.py, solution.py and wrong/ files run in author jobs and the solutions
in learner jobs, exactly as on a grading worker: never in this process. The reference
must pass every case, the starter and every wrong/ solution must fail at least one
hidden case, and every --also file (another correct solution) must pass. Needs root and
bubblewrap like a grading worker; `--unsafe-no-sandbox` is the development fallback
(a plain subprocess with rlimits and the seccomp filter). `manage.py validate_exercises`
does the same for exercises loaded in the database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exercises.package import DEFAULT_TOLERANCE, PackageError, read_exercise
from grader.judging import ResultRules, judge_all
from grader.reference import ExerciseBroken, load_cases, reference_outputs
from grader.sandbox import Limits, SandboxUnavailable, get_sandbox

AUTHOR_LIMITS = Limits(wall_seconds=20.0, cpu_seconds=20.0, memory_mb=1024)


def check_folder(folder: Path, also: list[Path], *, unsafe: bool = False) -> list[str]:
    spec = read_exercise(folder)
    rules = ResultRules.declared(
        bool_result=spec.bool_result,
        unchanged_inputs=spec.unchanged_inputs,
        reference=spec.reference_solution,
        entry_point=spec.entry_point,
    )
    sandbox = get_sandbox(unsafe=unsafe)
    inputs = {f.name: f.text for f in spec.data_files if not f.heldout}
    case_set = load_cases(
        sandbox,
        source=spec.cases_source,
        slug=spec.slug,
        limits=AUTHOR_LIMITS,
        rules=rules,
        data=inputs or None,
    )
    limits = Limits(
        wall_seconds=spec.wall_seconds, cpu_seconds=spec.cpu_seconds, memory_mb=spec.memory_mb
    )
    if spec.trained_model:
        return _check_trained(spec, case_set, also, sandbox, limits)
    cases = case_set.cases
    expected = reference_outputs(
        sandbox,
        source=spec.reference_solution,
        entry_point=spec.entry_point,
        case_set=case_set,
        slug=spec.slug,
        limits=AUTHOR_LIMITS,
    )
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
        run = sandbox.run(
            source=source,
            entry_point=spec.entry_point,
            kind=spec.kind,
            cases=case_set.frames,
            limits=limits,
        )
        got = run.results + [None] * (len(cases) - len(run.results))
        judgement = judge_all(
            cases,
            expected,
            got,
            tolerance=tol,
            checks=case_set.checks,
            reveal_hidden=True,
            rules=rules,
        )
        hidden_failed = [r.name for r in judgement.cases if not r.passed and not r.visible]
        failed = [r for r in judgement.cases if not r.passed]
        ok = (not failed and run.status == "ok") if must_pass else bool(hidden_failed)
        mark = "ok  " if ok else "BAD "
        detail = "" if not failed else f" failed: {', '.join(r.name for r in failed)[:150]}"
        status = "" if run.status == "ok" else f" ({run.status}: {run.message})"
        print(f"  {mark}{label:<32} score {judgement.score:.2f}{status}{detail}")
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


def _check_trained(spec, case_set, also: list[Path], sandbox, limits: Limits) -> list[str]:
    """Trained-model exercises: each file trains in the sandbox, one job per case (each
    gets the exercise's whole budget); the trusted scorer judges the returned weights."""
    from grader.trained import TrainedModelCheck

    heldout = {f.name: f.text for f in spec.data_files if f.heldout}
    check = TrainedModelCheck.from_config(spec.trained_model, heldout)
    cases = case_set.cases
    problems = []
    print(f"{spec.slug}: trained-model check ({check.scorer}, threshold {check.threshold:g})")

    def judge(label, source, must_pass):
        results = []
        for case, frame in zip(cases, case_set.frames, strict=True):
            run = sandbox.run(
                source=source,
                entry_point=spec.entry_point,
                kind=spec.kind,
                cases=[frame],
                limits=limits,
            )
            got = run.results[0] if run.status == "ok" and run.results else None
            results.append(check.judge(case.name, case.visible, got, reveal=True))
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
    parser.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="development only: no bubblewrap, namespaces or uid switch (needs no root)",
    )
    args = parser.parse_args(argv)
    problems = []
    for folder in args.folders:
        try:
            problems += check_folder(folder, args.also, unsafe=args.unsafe_no_sandbox)
        except (PackageError, ExerciseBroken, SandboxUnavailable) as exc:
            problems.append(str(exc))
            print(f"ERROR {exc}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
