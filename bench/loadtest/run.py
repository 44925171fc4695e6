"""`make loadtest`: 200 learners for 3 minutes, then a burst of 300 submits in 10 s, against
gunicorn + PostgreSQL + Redis + a Celery worker with 2 processes, all on this machine
(127.0.0.1 only). Prints the figures and writes its section of docs/performance.md.

Every process is started here and stopped at the end: a private Redis on a free port,
gunicorn, the worker (with beat) and locust (headless, bounded in time). The database is
LOADTEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/cp_loadtest; created if
missing). Not a test.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
RUN = ROOT / ".run" / "loadtest"
RUN.mkdir(parents=True, exist_ok=True)

USERS = int(os.environ.get("LOADTEST_USERS", "200"))
DURATION = os.environ.get("LOADTEST_DURATION", "3m")
BURST = int(os.environ.get("LOADTEST_BURST", "300"))
BURST_SECONDS = float(os.environ.get("LOADTEST_BURST_SECONDS", "10"))
WEB_WORKERS = int(os.environ.get("LOADTEST_WEB_WORKERS", "2"))
WEB_THREADS = int(os.environ.get("LOADTEST_WEB_THREADS", "16"))
SLUGS = ["softmax", "scaled_dot_product_attention", "layer_norm", "cosine_similarity_matrix"]
WRONG = "def {entry}(*args, **kwargs):\n    return 0\n"

from tests.live_stack import Gunicorn, PrivateRedis  # noqa: E402

redis_server = PrivateRedis(RUN).start()
os.environ.update(
    DATABASE_URL=os.environ.get(
        "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cp_loadtest"
    ),
    REDIS_URL=redis_server.url(0),
    CELERY_BROKER_URL=redis_server.url(0),
    CACHE_URL=redis_server.url(1),
    DJANGO_SETTINGS_MODULE="courseplatform.settings",
    DEBUG="false",
    SECURE_SSL_REDIRECT="false",
    SESSION_COOKIE_SECURE="false",
    CSRF_COOKIE_SECURE="false",
)
os.environ.setdefault("SECRET_KEY", "loadtest-only-secret-key-0123456789abcdefghijklmnopqrstuv")
# Every simulated learner comes from 127.0.0.1: the per-address limits (meant for one
# person or one school behind a NAT) would refuse the class as one address. The
# per-learner limit stays as deployed.
for name in ("SUBMISSION_RATE_PER_ADDRESS", "SIGNUP_RATE_PER_ADDRESS"):
    os.environ.setdefault(name, "100000/m")
os.environ.setdefault("LOGIN_FAILURES_PER_ADDRESS", "100000/m")


def create_database(url: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


if os.environ["DATABASE_URL"].startswith("postgres"):
    create_database(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string  # noqa: E402
from django.utils import timezone  # noqa: E402
from grading_bench import machine, percentile  # noqa: E402
from sections import write_section  # noqa: E402

from accounts.services import token_create  # noqa: E402
from exercises.models import Exercise, Submission  # noqa: E402
from lessons.models import Course, Lesson  # noqa: E402
from tests.live_worker import LiveWorker, database_url_for_subprocess  # noqa: E402


def learners(prefix: str, count: int) -> list:
    User = get_user_model()
    users = []
    for index in range(count):
        user, created = User.objects.get_or_create(username=f"{prefix}-{index}")
        if created:
            user.set_unusable_password()
            user.save()
        users.append(user)
    return users


def session_for(user) -> str:
    """A logged-in session, as the login page would leave it (no password hashing)."""
    backend = "django.contrib.auth.backends.ModelBackend"
    if backend not in settings.AUTHENTICATION_BACKENDS:
        backend = settings.AUTHENTICATION_BACKENDS[0]
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = backend
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def plan() -> dict:
    exercises = {}
    for slug in SLUGS:
        exercise = Exercise.objects.get(slug=slug)
        exercises[slug] = {
            "right": exercise.reference_solution,
            "wrong": WRONG.format(entry=exercise.entry_point),
        }
    course = Course.objects.published().get()
    lessons = [
        f"/courses/{course.slug}/lessons/{slug}/"
        for slug in Lesson.objects.published().values_list("slug", flat=True)
    ]
    people = [
        {"session": session_for(user), "csrf": _get_new_csrf_string()}
        for user in learners("load", USERS)
    ]
    return {
        "courses": ["/", f"/courses/{course.slug}/"],
        "lessons": lessons,
        "exercises": exercises,
        "exercise_pages": list(Exercise.objects.published().values_list("slug", flat=True)),
        "learners": people,
    }


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and all its descendants, living ones only (from /proc)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / tick
    except (FileNotFoundError, IndexError, ValueError):
        return 0.0
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return total + sum(cpu_seconds(int(child)) for child in children.stdout.split())


def run_locust(url: str, plan_path: Path) -> tuple[list[dict], float, float]:
    prefix = RUN / "locust"
    command = [
        str(ROOT / ".venv" / "bin" / "locust"), "-f", str(ROOT / "bench/loadtest/locustfile.py"),
        "--headless", "--users", str(USERS), "--spawn-rate", "20", "--run-time", DURATION,
        "--host", url, "--csv", str(prefix), "--only-summary", "--stop-timeout", "30",
        "--loglevel", "WARNING",
    ]
    started = time.monotonic()
    process = subprocess.Popen(
        command, env=dict(os.environ, LOADTEST_PLAN=str(plan_path)), cwd=ROOT,
        stdout=open(RUN / "locust.log", "wb"), stderr=subprocess.STDOUT,  # noqa: SIM115
    )
    cpu = 0.0
    while process.poll() is None:
        cpu = max(cpu, cpu_seconds(process.pid))
        time.sleep(1)
    if process.returncode not in (0, 1):  # 1: some requests failed (reported below)
        raise RuntimeError(f"locust failed; see {RUN / 'locust.log'}")
    with open(f"{prefix}_stats.csv") as handle:
        rows = list(csv.DictReader(handle))
    return rows, time.monotonic() - started, cpu


def burst(url: str) -> dict:
    """BURST submits spread evenly over BURST_SECONDS, one per learner, through the API."""
    people = learners("burst", BURST)
    tokens = [token_create(user=user, name="burst")[1] for user in people]
    Submission.objects.filter(learner__in=people).delete()
    sources = {slug: Exercise.objects.get(slug=slug).reference_solution for slug in SLUGS}
    random.seed(8)
    jobs = []
    for index, token in enumerate(tokens):
        slug = SLUGS[index % len(SLUGS)]
        right = index % 3 != 0
        source = sources[slug] if right else WRONG.format(
            entry=Exercise.objects.get(slug=slug).entry_point
        )
        jobs.append((index, token, slug, source, right))
    answers: dict[int, tuple[int, int | None, float]] = {}
    lock = threading.Lock()
    start = time.monotonic()
    started_at = timezone.now()

    def send(job):
        index, token, slug, source, _ = job
        time.sleep(max(0.0, start + index * BURST_SECONDS / BURST - time.monotonic()))
        body = json.dumps({"source_code": source}).encode()
        request = urllib.request.Request(
            f"{url}/api/exercises/{slug}/submissions/", data=body, method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        sent = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, submission_id = response.status, json.load(response)["id"]
        except urllib.error.HTTPError as error:
            status, submission_id = error.code, None
        except OSError:
            status, submission_id = 0, None
        with lock:
            answers[index] = (status, submission_id, (time.monotonic() - sent) * 1000)

    with ThreadPoolExecutor(max_workers=64) as pool:
        list(pool.map(send, jobs))
    sent_seconds = time.monotonic() - start
    ids = [submission_id for _, submission_id, _ in answers.values() if submission_id]
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if Submission.objects.filter(pk__in=ids).exclude(status="done").count() == 0:
            break
        time.sleep(0.1)
    graded = Submission.objects.filter(pk__in=ids, status="done")
    last = max((s.graded_at for s in graded), default=None)
    expected = {
        answers[index][1]: ("passed" if right else "failed")
        for index, _, _, _, right in jobs
        if answers[index][1]
    }
    wrong_verdicts = sum(1 for s in graded if s.verdict != expected[s.pk])
    return {
        "sent": len(jobs),
        "accepted": sum(1 for status, _, _ in answers.values() if status == 202),
        "errors": sum(1 for status, _, _ in answers.values() if status != 202),
        "send_seconds": sent_seconds,
        "submit_p95_ms": percentile([ms for _, _, ms in answers.values()], 95),
        "graded": graded.count(),
        "wrong_verdicts": wrong_verdicts,
        "last_verdict_seconds": (last - started_at).total_seconds() if last else None,
    }


def warm_up(url: str, plan_data: dict) -> None:
    """Grade each exercise a few times (the sandboxes' first runs) and open each page kind,
    so that the measurement starts warm, as a running platform is."""
    user = learners("warm-up", 1)[0]
    token = token_create(user=user, name="warm-up")[1]
    ids = []
    for slug in SLUGS * 2:
        body = json.dumps({"source_code": plan_data["exercises"][slug]["right"]}).encode()
        request = urllib.request.Request(
            f"{url}/api/exercises/{slug}/submissions/", data=body, method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            ids.append(json.load(response)["id"])
    deadline = time.monotonic() + 180
    while Submission.objects.filter(pk__in=ids).exclude(status="done").exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the worker graded nothing in 180 s; see {RUN / 'worker.log'}")
        time.sleep(0.2)
    person = plan_data["learners"][0]
    cookie = f"sessionid={person['session']}; csrftoken={person['csrf']}"
    paths = plan_data["courses"] + plan_data["lessons"][:3]
    paths += [f"/exercises/{slug}/" for slug in SLUGS]
    for _ in range(WEB_WORKERS * 2):
        for path in paths:
            request = urllib.request.Request(url + path, headers={"Cookie": cookie})
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()


def load() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("loadcourse", verbosity=0)
    plan_path = RUN / "plan.json"
    plan_data = plan()
    plan_path.write_text(json.dumps(plan_data))
    worker = LiveWorker(
        broker_url=redis_server.url(0), log_path=RUN / "worker.log", concurrency=2,
        GRADER_SWEEP_SECONDS=30, GRADER_STUCK_SECONDS=120, LOG_LEVEL="WARNING",
    ).start(timeout=120)
    web = Gunicorn(
        database_url=database_url_for_subprocess(), redis_url=redis_server.url(0),
        cache_url=redis_server.url(1), log_path=RUN / "gunicorn.log",
        workers=WEB_WORKERS, threads=WEB_THREADS, LOG_LEVEL="WARNING",
    ).start()
    try:
        warm_up(web.url, plan_data)
        load_before = load()
        cpu_before = {
            "web": cpu_seconds(web.process.pid),
            "worker": cpu_seconds(worker.process.pid),
        }
        rows, seconds, locust_cpu = run_locust(web.url, plan_path)
        cpu = {
            "web": cpu_seconds(web.process.pid) - cpu_before["web"],
            "worker": cpu_seconds(worker.process.pid) - cpu_before["worker"],
            "locust": locust_cpu,
        }
        load_during = load()
        burst_result = burst(web.url)
        load_after = load()
    finally:
        web.stop()
        worker.stop()
        redis_server.stop()
    report = render(rows, seconds, cpu, burst_result, load_before, load_during, load_after)
    print(report)
    if os.environ.get("LOADTEST_WRITE_DOCS", "1") == "1":
        write_section("load", report)
    return 0


def render(rows, seconds, cpu, result, load_before, load_during, load_after) -> str:
    http = [row for row in rows if row["Type"] != "VERDICT" and row["Name"] != "Aggregated"]
    requests = sum(int(row["Request Count"]) for row in http)
    failures = sum(int(row["Failure Count"]) for row in rows if row["Name"] != "Aggregated")
    verdicts = next((r for r in rows if r["Type"] == "VERDICT"), {"Request Count": "0"})
    busy = float(load_before.split(" / ")[0]) > os.cpu_count()
    lines = [
        "## Load and burst",
        "",
        f"Measured by `make loadtest` (bench/loadtest/) on {time.strftime('%Y-%m-%d %H:%M')} "
        f"UTC. Machine: {machine()}; load average (1/5/15 min) before {load_before}, at the "
        f"end of the 3 minutes {load_during}, after the burst {load_after}.",
        "",
        f"Everything on this machine: gunicorn ({WEB_WORKERS} processes × {WEB_THREADS} "
        "threads), PostgreSQL, Redis, a Celery worker with 2 processes (+ beat), and locust "
        "itself (the load generator shares the 2 cores).",
        "",
    ]
    if busy:
        lines += [
            f"**Note: the machine was not quiet** (load average {load_before} before the run, "
            f"on {os.cpu_count()} cores: other work ran alongside), so the stack got only part "
            "of the CPU and these times are worse than the same machine would give idle. "
            "Run `make loadtest` again on a quiet machine for figures to compare with the goals.",
            "",
        ]
    lines += [
        f"**{USERS} learners for {DURATION}** (logged in; each reads course, lesson and "
        "exercise pages and submits right or wrong solutions through the exercise page's "
        "endpoint, then waits for the verdict as the page does, `status.json?wait=25`; "
        "2–8 s between actions):",
        "",
        "| request | count | failures | rps | p50 ms | p95 ms | p99 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if row["Name"] == "Aggregated":
            continue
        lines.append(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
            f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} |"
        )
    pages = [r for r in rows if r["Name"].endswith("page")]
    lines += [
        "",
        f"{requests} HTTP requests in {seconds:.0f} s ({requests / seconds:.1f} per second), "
        f"{verdicts['Request Count']} verdicts, {failures} failures or unexpected verdicts. "
        "\"verdict wait\" is a long poll (it lasts until the verdict); \"submit → verdict\" "
        "is what a learner waits after pressing Submit. Worst page p95: "
        f"{max(int(r['95%']) for r in pages) if pages else '–'} ms. CPU used in those "
        f"minutes: web {cpu['web']:.0f} s, grader {cpu['worker']:.0f} s, locust "
        f"{cpu['locust']:.0f} s, of the machine's {os.cpu_count() * seconds:.0f} "
        "core-seconds (PostgreSQL and Redis not counted).",
        "",
        f"**Burst: {result['sent']} submits within {result['send_seconds']:.1f} s** (one per "
        "learner, through the API, a third of them wrong): "
        f"{result['accepted']} accepted, {result['errors']} errors, submit p95 "
        f"{result['submit_p95_ms']:.0f} ms; {result['graded']} of {result['accepted']} got "
        f"a verdict ({result['wrong_verdicts']} unexpected verdicts); the last verdict came "
        f"**{result['last_verdict_seconds']:.1f} s** after the first submit."
        if result["last_verdict_seconds"] is not None
        else f"Burst: no verdict recorded ({result})",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
