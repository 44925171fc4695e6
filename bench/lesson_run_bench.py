"""Lesson code benchmark: a block's run from click to output, and what the zygote pays for
Matplotlib and pandas. Prints figures and writes the "Lesson code" section of
docs/performance.md (the rest of the file is left as it is). Run with `make bench`.

Click to output = what the page does: POST the run (the view), poll its status JSON on the
page's schedule (every 30 ms for 1.5 s, then
backing off), then load the figures, through a real Celery worker,
Redis, the database and the sandbox.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courseplatform.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / '.run' / 'bench.sqlite3'}")
os.environ.setdefault("LESSON_RUN_RATE", "1000000/m")
os.environ.setdefault("SECRET_KEY", "bench-only-secret")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from grading_bench import Worker, machine, percentile  # noqa: E402

from lessons.models import Lesson, LessonRun  # noqa: E402

RUNS = int(os.environ.get("BENCH_LESSON_RUNS", "30"))
IMPORT_RUNS = int(os.environ.get("BENCH_IMPORT_RUNS", "3"))
LESSON = "python-numpy-pandas-matplotlib"
SMALL_FIGURE = (
    "import matplotlib.pyplot as plt\n"
    "fig, ax = plt.subplots(figsize=(5, 3))\n"
    "ax.plot([1, 2, 3], [1, 4, 9], marker='o')\n"
    "ax.set(title='squares', xlabel='n')\n"
)
# (label, block, edited source or None for the lesson's own)
CASES = [
    ("text: block 1, no earlier blocks", 1, None),
    ("text: block 3, after blocks 1-2", 3, None),
    ("figure: small plot (edited block 1)", 1, SMALL_FIGURE),
    ("figure: block 8, three panels, after blocks 6-7 (pandas)", 8, None),
]
SECTION = "## Lesson code"

IMPORT_PROBE = textwrap.dedent(
    """
    import json, sys, time
    paths = json.loads(sys.argv[1])
    sys.path.extend(paths)
    def rss():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    t0 = time.perf_counter()
    import importlib, numpy
    import zygote
    for name in zygote.WARM_IMPORTS:
        importlib.import_module(name)
    t1 = time.perf_counter(); r1 = rss()
    import lesson
    lesson.warm()
    t2 = time.perf_counter(); r2 = rss()
    import io, matplotlib.pyplot as plt
    fig, ax = plt.subplots(); ax.plot([1, 2]); buffer = io.BytesIO(); fig.savefig(buffer)
    t3 = time.perf_counter()
    print(json.dumps({"base_s": t1 - t0, "base_mib": r1, "warm_s": t2 - t1,
                      "warm_mib": r2 - r1, "first_figure_s": t3 - t2}))
    """
)


def zygote_import_cost() -> dict:
    """numpy + torch as the zygote imports them, then lesson.warm(): time and RSS."""
    from grader.sandbox import layout

    paths = [str(layout.RUNTIME_DIR), *layout._package_dirs()]
    samples = []
    for _ in range(IMPORT_RUNS):
        out = subprocess.run(
            [sys.executable, "-I", "-S", "-B", "-c", IMPORT_PROBE, json.dumps(paths)],
            env=layout.zygote_environment(1),
            capture_output=True,
            text=True,
            check=True,
            cwd="/tmp",
        )
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def click_to_output(client: Client, url: str, block: int, source: str) -> tuple[float, dict]:
    started = time.perf_counter()
    response = client.post(url, {"block": block, "source": source}, secure=True)
    assert response.status_code == 202, response.content
    status_url = response.json()["status_url"]
    delay = 0.030  # the page's schedule (static/js/lesson-run.js)
    while True:
        time.sleep(delay)
        if time.perf_counter() - started > 1.5:
            delay = min(delay * 1.4, 1.0)
        data = client.get(status_url, secure=True).json()
        if data["done"]:
            break
    for figure in data["figures"]:
        assert client.get(figure["url"], secure=True).status_code == 200
    return (time.perf_counter() - started) * 1000, data


def measure(client: Client, url: str, lesson: Lesson) -> list[tuple]:
    from lessons.codeblocks import python_blocks

    blocks = python_blocks(lesson.body)
    rows = []
    for label, number, edited in CASES:
        source = edited or blocks[number - 1].source
        for _ in range(3):  # warm-up
            click_to_output(client, url, number, source)
        wall, sandbox, server = [], [], []
        for _ in range(RUNS):
            ms, data = click_to_output(client, url, number, source)
            assert data["outcome"] == "ok", data
            assert data["figures"] or not label.startswith("figure"), data
            run = LessonRun.objects.get(pk=data["id"])
            wall.append(ms)
            sandbox.append(run.wall_ms)
            server.append((run.finished_at - run.created_at).total_seconds() * 1000)
        rows.append((label, wall, server, sandbox))
        print(f"{label}: median {statistics.median(wall):.0f} ms", flush=True)
    return rows


def render(rows, imports, load) -> str:
    lines = [
        SECTION,
        "",
        f"Measured by `make bench` (bench/lesson_run_bench.py) on {time.strftime('%Y-%m-%d')}; "
        f"{machine()}; load average {load[0]:.1f} at the start, {load[1]:.1f} at the end.",
        "",
        f"Click to output, {RUNS} runs each after 3 warm-up runs, one worker process: the "
        "page's POST (the view stores the run and sends the Celery task), the worker runs the "
        "lesson's earlier blocks and the block in the sandbox, the status JSON polled on the "
        "page's schedule (every 30 ms for 1.5 s, then backing off), then the figures loaded. "
        "Server = finished_at − created_at in the database; sandbox = the job alone (earlier "
        f"blocks included). Lesson: `{LESSON}`.",
        "",
        "| run | median ms | p95 ms | server median ms | sandbox median ms |",
        "|---|---|---|---|---|",
    ]
    for label, wall, server, sandbox in rows:
        lines.append(
            f"| {label} | {statistics.median(wall):.0f} | {percentile(wall, 95):.0f} | "
            f"{statistics.median(server):.0f} | {statistics.median(sandbox):.0f} |"
        )
    lines += [
        "",
        "Goals: a text-only block under 300 ms, a block drawing a figure under 1 s (medians).",
        "",
        f"What the zygote pays for importing Matplotlib (Agg, pyplot) and pandas "
        f"(`lesson.warm()`, median of {IMPORT_RUNS} fresh processes after numpy, torch and "
        f"the warm torch modules, {imports['base_s']:.1f} s and {imports['base_mib']:.0f} MiB): "
        f"**+{imports['warm_s']:.2f} s** start-up and **+{imports['warm_mib']:.0f} MiB** RSS "
        f"per zygote; the first figure after that takes {imports['first_figure_s'] * 1000:.0f} "
        "ms. A job that imported them on first use would pay the start-up figure on every run "
        "(each job is a fresh fork): see docs/sandbox.md for the decision.",
        "",
    ]
    return "\n".join(lines)


def write_section(text: str) -> None:
    path = ROOT / "docs" / "performance.md"
    current = path.read_text() if path.exists() else ""
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        updated = pattern.sub(lambda _m: text + "\n", current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.write_text(updated)


def main() -> int:
    (ROOT / ".run").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    call_command("loadcourse", verbosity=0)
    from django.contrib.auth import get_user_model

    load_start = os.getloadavg()[0]
    imports = zygote_import_cost()
    print("zygote imports:", imports, flush=True)
    user, _ = get_user_model().objects.get_or_create(username="bench-lessons")
    client = Client()
    client.force_login(user)
    lesson = Lesson.objects.get(slug=LESSON)
    url = f"/courses/{lesson.course.slug}/lessons/{lesson.slug}/runs/"
    worker = Worker(concurrency=1)
    try:
        time.sleep(3)
        rows = measure(client, url, lesson)
    finally:
        worker.stop()
    report = render(rows, imports, (load_start, os.getloadavg()[0]))
    print(report)
    write_section(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
