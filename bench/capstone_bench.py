"""Capstone benchmark: a training run's CPU time, and quick verdicts while runs are graded.

Prints figures (not a test). Run with `bash scripts/capstone_bench.sh`: it starts a
private Redis, two real Celery workers (grading: 2 processes; grading-long: 1) and uses
the database in DATABASE_URL.

1. The tiny_gpt_train reference through the real sandbox: CPU seconds per case and the
   held-out score of each case.
2. Quick verdicts (softmax, submit to verdict through the API) with no capstone running.
3. The same while capstone submits keep the grading-long worker busy the whole time.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courseplatform.settings")
os.environ.setdefault("SUBMISSION_RATE", "1000000/m")
os.environ.setdefault("SECRET_KEY", "bench-only-secret")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.services import token_create  # noqa: E402
from bench.grading_bench import percentile, submit, wait_done  # noqa: E402
from exercises.models import Exercise, Submission  # noqa: E402

QUICK_RUNS = int(os.environ.get("BENCH_QUICK_RUNS", "40"))
CAPSTONE = "tiny_gpt_train"
QUICK = "softmax"


class Worker:
    def __init__(self, queue: str, concurrency: int, name: str):
        log = open(ROOT / ".run" / f"capstone-bench-{name}.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "courseplatform", "worker", "-Q", queue,
             "--concurrency", str(concurrency), "-n", f"{name}@%h", "--without-gossip",
             "--without-mingle", "--loglevel", "WARNING"],
            cwd=ROOT, env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def reference_cpu() -> list[tuple[str, float, float]]:
    """(case, CPU seconds, held-out score) of the reference, through the real sandbox."""
    from grader.services import exercise_grade_source

    exercise = Exercise.objects.get(slug=CAPSTONE)
    outcome = exercise_grade_source(
        exercise=exercise,
        source=exercise.reference_solution,
        visible_only=False,
        reveal_hidden=True,
        enforce_forbidden=False,
    )
    assert outcome.verdict == "passed", (outcome.verdict, outcome.message)
    cpu = [v for k, v in outcome.timings_ms.items() if k.startswith("cpu_case_")]
    return [
        (case.name, ms / 1000.0, case.raw_score)
        for case, ms in zip(outcome.cases, cpu, strict=True)
    ]


def quick_latencies(client, token, source, *, until=None) -> list[float]:
    """Sequential quick submits: submit-to-verdict wall times (ms), `until()` stops early."""
    times = []
    for _ in range(QUICK_RUNS):
        if until is not None and until():
            break
        started = time.perf_counter()
        pk = submit(client, token, QUICK, source)
        wait_done([pk], timeout=120)
        times.append((time.perf_counter() - started) * 1000)
        assert Submission.objects.get(pk=pk).verdict == "passed"
    return times


def line(label: str, values: list[float]) -> str:
    return (
        f"{label:<44} n={len(values):<3} median {statistics.median(values):7.1f} ms   "
        f"p90 {percentile(values, 90):7.1f} ms   max {max(values):7.1f} ms"
    )


def main() -> int:
    (ROOT / ".run").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    call_command("loadcourse", verbosity=0)
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username="capstone-bench")
    _, token = token_create(user=user, name="bench")
    client = Client()
    quick_source = Exercise.objects.get(slug=QUICK).reference_solution
    capstone_source = Exercise.objects.get(slug=CAPSTONE).reference_solution

    print(f"load average before: {os.getloadavg()}")
    if os.environ.get("BENCH_SKIP_REFERENCE") != "1":
        for name, cpu, score in reference_cpu():
            print(f"reference {name:<58} CPU {cpu:5.1f} s   held-out {score:.3f}")
    # One training run at a time per learner: each capstone submit comes from its own.
    trainers = [
        token_create(user=get_user_model().objects.get_or_create(username=f"trainer{i}")[0],
                     name="bench")[1]
        for i in range(2)
    ]  # fmt: skip

    quick = Worker("grading", 2, "bench-quick")
    long = Worker("grading-long", 1, "bench-long")
    try:
        time.sleep(8)
        quick_latencies(client, token, quick_source)  # warm both quick processes
        idle = quick_latencies(client, token, quick_source)
        print(line("quick verdicts, no capstone running", idle))
        capstones = [submit(client, t, CAPSTONE, capstone_source) for t in trainers]

        def capstone_done() -> bool:
            return not Submission.objects.filter(pk__in=capstones).exclude(status="done").exists()

        # Wait until a training run has started, then measure while they run.
        while not Submission.objects.filter(pk__in=capstones, status="running").exists():
            time.sleep(0.1)
        busy = quick_latencies(client, token, quick_source, until=capstone_done)
        running = not capstone_done()
        print(line("quick verdicts, capstone training on grading-long", busy))
        print(f"capstone still running at the end of the measurement: {running}")
        wait_done(capstones, timeout=900)
        for sub in Submission.objects.filter(pk__in=capstones):
            took = (sub.graded_at - sub.created_at).total_seconds()
            print(f"capstone submit {sub.pk}: {sub.verdict}, {took:.1f} s submit to verdict")
    finally:
        quick.stop()
        long.stop()
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
