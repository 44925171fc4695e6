"""Fresh start to first verdict, on a busy machine.

    .venv/bin/python bench/startup_bench.py [--rounds 3] [--burners 2] [--slug SLUG]

Each round starts what `make run` starts (the web server and a Celery worker with two pool
processes and beat) while `--burners` other processes spin on the CPU, waits until the web
server first answers, then submits the exercise's reference solution through the JSON API
at once and polls the API until the verdict. It prints, per round: the web server's start,
and the figure that counts, web server answering -> verdict (goal: under 15 s with both
cores busy). The database, course and token are made before the clock starts (`make run`
does that before it starts the servers too). Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RUN = ROOT / ".run"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courseplatform.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{RUN / 'startup-bench.sqlite3'}")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/10")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/11")
os.environ.setdefault("SUBMISSION_RATE", "1000000/m")
os.environ.setdefault("SECRET_KEY", "bench-only-secret")
os.environ.setdefault("DEBUG", "1")  # as `make run`

BURNER = "while True:\n    pass\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(argv: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        argv,
        cwd=ROOT,
        env=dict(os.environ),
        stdout=open(log, "ab"),  # noqa: SIM115 - lives as long as the process
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def request(url: str, token: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method="POST" if data else "GET")
    req.add_header("Authorization", f"Bearer {token}")
    if data:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as response:  # noqa: S310 - our server
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, {}


def prepare(slug: str) -> tuple[str, str]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from accounts.services import token_create
    from exercises.models import Exercise

    call_command("migrate", verbosity=0)
    call_command("loadcourse", verbosity=0)
    user, _ = get_user_model().objects.get_or_create(username="startup-bench")
    _, token = token_create(user=user, name="startup-bench")
    return token, Exercise.objects.get(slug=slug).reference_solution


def one_round(token: str, slug: str, source: str, burners: int, log: Path) -> dict:
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()  # no task left from a last round
    port = free_port()
    spinning = [start([sys.executable, "-c", BURNER], log) for _ in range(burners)]
    time.sleep(1.0)  # the burners own the cores before anything of ours starts
    started = time.perf_counter()
    web = start([sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"], log)
    worker = start(
        [
            *(sys.executable, "-m", "celery", "-A", "courseplatform", "worker"),
            *("-Q", "grading,celery", "--concurrency", "2", "--beat"),
            *("--schedule", str(RUN / "startup-bench-beat"), "--loglevel", "INFO"),
        ],
        log,
    )
    base = f"http://127.0.0.1:{port}/api"
    try:
        while True:
            try:
                status, _ = request(f"{base}/exercises/{slug}/", token)
                if status == 200:
                    break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.perf_counter() - started > 120:
                raise RuntimeError(f"the web server did not answer in 120 s (see {log})")
            time.sleep(0.05)
        answered = time.perf_counter()
        url = f"{base}/exercises/{slug}/submissions/"
        status, body = request(url, token, {"source_code": source})
        if status != 202:
            raise RuntimeError(f"submit answered {status}: {body}")
        while True:
            _, detail = request(f"{base}/submissions/{body['id']}/", token)
            if detail.get("status") == "done":
                break
            if time.perf_counter() - answered > 300:
                raise RuntimeError(f"no verdict in 300 s (see {log})")
            time.sleep(0.05)
        verdict_at = time.perf_counter()
        return {
            "web_s": answered - started,
            "verdict_s": verdict_at - answered,
            "verdict": detail.get("verdict"),
            "load": os.getloadavg()[0],
        }
    finally:
        for process in (worker, web, *spinning):
            stop(process)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--burners", type=int, default=2)
    parser.add_argument("--slug", default="scaled_dot_product_attention")
    args = parser.parse_args()
    RUN.mkdir(exist_ok=True)
    log = RUN / "startup-bench.log"
    log.write_bytes(b"")
    token, source = prepare(args.slug)
    rows = []
    for index in range(args.rounds):
        row = one_round(token, args.slug, source, args.burners, log)
        rows.append(row)
        print(
            f"round {index + 1}: web server answered {row['web_s']:5.1f} s after start; "
            f"first verdict ({row['verdict']}) {row['verdict_s']:5.1f} s after that; "
            f"load average {row['load']:.1f}",
            flush=True,
        )
    figures = sorted(r["verdict_s"] for r in rows)
    print(
        f"web server answering -> first verdict, {args.burners} burners, {args.slug}: "
        f"median {statistics.median(figures):.1f} s, worst {figures[-1]:.1f} s "
        f"(goal: under 15 s)"
    )
    return 0 if all(r["verdict"] == "passed" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
