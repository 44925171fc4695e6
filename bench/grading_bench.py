"""Grading benchmark: cold vs warm path, throughput, worker memory. Prints figures and
writes the table into docs/performance.md. Run with `make bench` (not a test)."""

from __future__ import annotations

import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courseplatform.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / '.run' / 'bench.sqlite3'}")
os.environ.setdefault("SUBMISSION_RATE", "1000000/m")
os.environ.setdefault("SECRET_KEY", "bench-only-secret")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.services import token_create  # noqa: E402
from exercises.models import Exercise, Submission  # noqa: E402

SLUGS = ["softmax", "scaled_dot_product_attention"]
WARM_RUNS = int(os.environ.get("BENCH_WARM_RUNS", "100"))
THROUGHPUT_RUNS = int(os.environ.get("BENCH_THROUGHPUT_RUNS", "200"))
MEMORY_RUNS = int(os.environ.get("BENCH_MEMORY_RUNS", "1000"))
COLD_RUNS = int(os.environ.get("BENCH_COLD_RUNS", "5"))

COLD_SCRIPT = textwrap.dedent(
    """
    import sys
    from exercises.package import read_exercise
    from grader.judging import judge_all
    from grader.reference import load_cases, reference_outputs
    from grader.sandbox import Limits, Sandbox
    spec = read_exercise(__import__("pathlib").Path(sys.argv[1]))
    box = Sandbox(uid_base=63000)  # a fresh zygote, as a new worker process starts one
    author = Limits(wall_seconds=20, cpu_seconds=20, memory_mb=1024)
    case_set = load_cases(box, source=spec.cases_source, slug=spec.slug, limits=author)
    expected = reference_outputs(
        box,
        source=spec.reference_solution,
        entry_point=spec.entry_point,
        case_set=case_set,
        slug=spec.slug,
        limits=author,
    )
    run = box.run(
        source=spec.reference_solution,
        entry_point=spec.entry_point,
        kind=spec.kind,
        cases=case_set.frames,
        limits=Limits(),
    )
    j = judge_all(
        case_set.cases, expected, run.results, tolerance=(1e-4, 1e-5), checks=case_set.checks
    )
    assert j.verdict == "passed", j
    box.close()
    """
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def cold_path(folder: Path) -> list[float]:
    """A fresh Python process that imports torch and grades once (as per-run containers do)."""
    times = []
    for _ in range(COLD_RUNS):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", COLD_SCRIPT, str(folder)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
        )
        times.append((time.perf_counter() - started) * 1000)
    return times


class Worker:
    def __init__(self, concurrency: int):
        log = open(ROOT / ".run" / "bench-worker.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "courseplatform",
                "worker",
                "-Q",
                "grading",
                "--concurrency",
                str(concurrency),
                "--without-gossip",
                "--without-mingle",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=dict(os.environ),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def children(self) -> list[int]:
        out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True)
        return [int(pid) for pid in out.stdout.split()]

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def rss_kb(pid: int) -> int:
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total = int(line.split()[1])
    return total


def owner_uid(pid: int) -> int | None:
    try:
        return Path(f"/proc/{pid}").stat().st_uid
    except FileNotFoundError:
        return None


def process_tree(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    kids = [int(p) for p in out.stdout.split()]
    return [pid] + [q for kid in kids for q in process_tree(kid)]


def submit(client: Client, token: str, slug: str, source: str) -> int:
    response = client.post(
        f"/api/exercises/{slug}/submissions/",
        data=json.dumps({"source_code": source}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        secure=True,
    )
    assert response.status_code == 202, response.content
    return response.json()["id"]


def wait_done(ids: list[int], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    pending = set(ids)
    while pending and time.monotonic() < deadline:
        done = set(
            Submission.objects.filter(pk__in=pending, status=Submission.Status.DONE).values_list(
                "pk", flat=True
            )
        )
        pending -= done
        if pending:
            time.sleep(0.002)
    if pending:
        raise RuntimeError(f"{len(pending)} submissions not graded in {timeout} s")


def warm_path(client, token, slug, source) -> tuple[list[float], list[float]]:
    wall, server = [], []
    for _ in range(WARM_RUNS):
        started = time.perf_counter()
        pk = submit(client, token, slug, source)
        wait_done([pk])
        wall.append((time.perf_counter() - started) * 1000)
        sub = Submission.objects.get(pk=pk)
        assert sub.verdict == "passed", (sub.verdict, sub.message, sub.cases)
        server.append((sub.graded_at - sub.created_at).total_seconds() * 1000)
    return wall, server


def main() -> int:
    (ROOT / ".run").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    call_command("loadcourse", verbosity=0)
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username="bench")
    _, token = token_create(user=user, name="bench")
    client = Client()
    solutions = {slug: Exercise.objects.get(slug=slug).reference_solution for slug in SLUGS}
    folders = {slug: next((ROOT / "content").glob(f"*/*/{slug}")) for slug in SLUGS}

    rows = []
    worker = Worker(concurrency=1)
    try:
        time.sleep(3)
        for slug in SLUGS:  # warm up: worker start, zygote, reference cache
            for _ in range(3):
                wait_done([submit(client, token, slug, solutions[slug])], timeout=120)
        for slug in SLUGS:
            cold = cold_path(folders[slug])
            wall, server = warm_path(client, token, slug, solutions[slug])
            rows.append((slug, cold, wall, server))
    finally:
        worker.stop()

    worker = Worker(concurrency=2)
    try:
        time.sleep(3)
        for slug in SLUGS:
            wait_done([submit(client, token, slug, solutions[slug]) for _ in range(4)], 120)
        started = time.perf_counter()
        ids = [
            submit(client, token, SLUGS[i % 2], solutions[SLUGS[i % 2]])
            for i in range(THROUGHPUT_RUNS)
        ]
        wait_done(ids)
        elapsed = time.perf_counter() - started
        throughput = THROUGHPUT_RUNS / elapsed

        # The pool processes and their zygotes; job children (a slot uid, short-lived,
        # sharing the zygote's pages) would only blur the figure.
        pids = [p for child in worker.children() for p in process_tree(child) if owner_uid(p) == 0]
        before = {pid: rss_kb(pid) for pid in pids}
        ids = [
            submit(client, token, SLUGS[i % 2], solutions[SLUGS[i % 2]]) for i in range(MEMORY_RUNS)
        ]
        wait_done(ids, timeout=900)
        # Spare job children come and go; the long-lived processes are the ones to compare.
        after = {pid: rss_kb(pid) for pid in before if Path(f"/proc/{pid}").exists()}
        before = {pid: kb for pid, kb in before.items() if pid in after}
    finally:
        worker.stop()

    report = render(rows, throughput, before, after)
    print(report)
    # Its own section only: other benchmarks (bench/http_bench.py) write theirs.
    sys.path.insert(0, str(ROOT / "bench"))
    from sections import write_section

    write_section("grading", report)
    return 0


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    import torch

    db = os.environ["DATABASE_URL"].split(":", 1)[0]
    return (
        f"{os.cpu_count()} cores ({cpu}), {mem_kb / 1024 / 1024:.0f} GiB RAM, "
        f"Linux {platform.release()}, Python {platform.python_version()}, "
        f"torch {torch.__version__}, database {db}, Redis broker"
    )


def render(rows, throughput, before, after) -> str:
    lines = [
        "# Grading performance",
        "",
        f"Measured by `make bench` (bench/grading_bench.py) on {time.strftime('%Y-%m-%d')}.",
        "",
        f"Machine: {machine()}.",
        "",
        "- cold: a new Python process that starts a sandbox (zygote, self-test), prepares the "
        "exercise in author jobs and grades once (what a fresh "
        "container per run pays), median of "
        f"{COLD_RUNS} runs;",
        "- warm: submit through the JSON API → Celery over Redis → warm sandbox → verdict "
        f"recorded in the database, one at a time, {WARM_RUNS} submissions, one worker process;",
        "- server: the same submissions, graded_at − created_at from the database.",
        "",
        "| exercise | cold median ms | warm median ms | warm p95 ms | server median ms "
        "| cold / warm |",
        "|---|---|---|---|---|---|",
    ]
    for slug, cold, wall, server in rows:
        cold_med, warm_med = statistics.median(cold), statistics.median(wall)
        lines.append(
            f"| {slug} | {cold_med:.0f} | {warm_med:.1f} | {percentile(wall, 95):.1f} | "
            f"{statistics.median(server):.1f} | {cold_med / warm_med:.0f}× |"
        )
    rss_before = sum(before.values()) / 1024
    rss_after = sum(after.values()) / 1024
    lines += [
        "",
        f"Throughput with 2 worker processes over {THROUGHPUT_RUNS} submissions "
        f"(softmax and attention alternating): **{throughput:.1f} verdicts per second**.",
        "",
        f"Worker memory over {MEMORY_RUNS} further gradings (RSS of the long-lived processes: "
        f"2 pool processes and their sandboxes, {len(before)} in all): "
        f"{rss_before:.0f} MiB before, "
        f"{rss_after:.0f} MiB after ({rss_after - rss_before:+.1f} MiB).",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
