"""What the hidden-data invariant costs a submit, interleaved in one process so that the
load of the machine weighs on every figure alike. Prints figures; writes nothing.

- passing: the reference solution graded as a submit (one sealed job with every case);
- failing: a known-wrong solution graded as a submit (the sealed job, then the visible
  cases alone to say why);
- one job, shown: every case in one job judged with its texts, as before the invariant.

    .venv/bin/python bench/submit_split_bench.py   (as root: the real sandbox)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courseplatform.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / '.run' / 'bench-split.sqlite3'}")
os.environ.setdefault("SECRET_KEY", "bench-only-secret")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from exercises.models import Exercise  # noqa: E402
from grader.exercise_cache import prepared_exercise  # noqa: E402
from grader.grading import grade_source  # noqa: E402
from grader.judging import judge_case  # noqa: E402
from grader.services import exercise_limits, grader_options  # noqa: E402

SLUGS = ["softmax", "scaled_dot_product_attention"]
RUNS = int(os.environ.get("BENCH_RUNS", "100"))


def one_job(prepared, source, limits, options) -> str:
    """Every case in one job, as a submit was graded before the invariant."""
    indices = list(range(len(prepared.cases)))
    run = options.sandbox().run(
        source=source,
        entry_point=prepared.entry_point,
        kind=prepared.kind,
        cases=prepared.payloads(indices),
        limits=limits,
        forbidden=prepared.forbidden,
    )
    judged = [
        judge_case(
            prepared.cases[i],
            prepared.expected[i],
            run.results[i],
            tolerance=prepared.tolerance,
            checks=prepared.checks,
        )
        for i in indices
    ]
    return "passed" if all(c.passed for c in judged) else "failed"


def main() -> int:
    (ROOT / ".run").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    call_command("loadcourse", verbosity=0)
    options = grader_options()
    for slug in SLUGS:
        exercise = Exercise.objects.get(slug=slug)
        prepared = prepared_exercise(exercise)
        limits = exercise_limits(exercise)
        source = exercise.reference_solution
        wrong = exercise.wrong_solutions.order_by("name").first().source
        figures: dict[str, list[float]] = {"passing": [], "failing": [], "one job": []}
        for attempt in range(RUNS + 5):
            started = time.perf_counter()
            passing = grade_source(
                prepared=prepared, source=source, visible_only=False, limits=limits, options=options
            )
            after_passing = time.perf_counter()
            failing = grade_source(
                prepared=prepared, source=wrong, visible_only=False, limits=limits, options=options
            )
            after_failing = time.perf_counter()
            verdict = one_job(prepared, source, limits, options)
            ended = time.perf_counter()
            assert passing.verdict == verdict == "passed", (passing.verdict, verdict)
            assert failing.verdict != "passed"
            if attempt >= 5:  # the first few warm the zygote and the caches
                figures["passing"].append((after_passing - started) * 1000)
                figures["failing"].append((after_failing - after_passing) * 1000)
                figures["one job"].append((ended - after_failing) * 1000)
        visible = len(prepared.indices(visible=True))
        shown = "; ".join(
            f"{name} {statistics.median(values):.1f} / {sorted(values)[int(0.9 * RUNS)]:.1f}"
            for name, values in figures.items()
        )
        print(
            f"{slug} ({visible} visible + {len(prepared.cases) - visible} hidden cases), "
            f"{RUNS} submits each, median / p90 ms: {shown}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
