"""Grading health of each worker process, published to Redis and read by `grader_status`.

Each Celery pool process reports whether its sandbox can grade (and why not) when its
zygote has started and then on every heartbeat; the report carries the time it was made,
so a process that stopped reporting shows as stale instead of healthy. Redis (the broker
every worker already uses) holds one hash field per process; nothing here is secret.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import socket
import time
from dataclasses import dataclass

import redis
from django.conf import settings

from grader.sandbox import slots
from grader.sandbox.types import Health

logger = logging.getLogger(__name__)

HEALTH_KEY = "courseplatform:grader-health"
HEARTBEAT_SECONDS = 30.0
# A report older than this many heartbeats: the process stopped (or hangs).
STALE_HEARTBEATS = 3
# Reports of processes gone for this long are dropped when read.
FORGET_SECONDS = 24 * 3600
# Pool processes of one host start their zygotes one after the other, up to this long each.
WARM_UP_TURN_SECONDS = 20.0


@dataclass(frozen=True)
class WorkerHealth:
    worker: str  # host:pid
    can_grade: bool | None
    reason: str
    checked_at: float
    reported_at: float
    zygote_start_ms: float
    selftest_ms: float
    attempts: int

    @property
    def age_seconds(self) -> float:
        return max(0.0, time.time() - self.reported_at)

    @property
    def stale(self) -> bool:
        return self.age_seconds > HEARTBEAT_SECONDS * STALE_HEARTBEATS


def _client() -> redis.Redis:
    return redis.Redis.from_url(
        settings.CELERY_BROKER_URL, socket_timeout=2, socket_connect_timeout=2
    )


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@contextlib.contextmanager
def warm_up_turn():
    """Wait (up to WARM_UP_TURN_SECONDS) until no other pool process of this host is
    starting its zygote.

    A zygote start is mostly CPU (importing torch): two at once on a busy machine each take
    twice as long, and the first verdict after a fresh start waits for one of them. In
    turn, the first is ready in about half the time. A job never waits for this: a task
    that arrives before its process's warm-up starts the zygote itself.
    """
    fd = -1
    try:
        fd = os.open(
            os.path.join(slots._lock_dir(), "warm-up.lock"),
            os.O_RDWR | os.O_CREAT | os.O_CLOEXEC,
            0o600,
        )
        deadline = time.monotonic() + WARM_UP_TURN_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
    except (OSError, RuntimeError) as exc:
        logger.warning("No warm-up turn (starting at once): %s", exc)
    try:
        yield
    finally:
        if fd >= 0:
            os.close(fd)


def worker_health_publish(*, health: Health, worker: str | None = None) -> bool:
    """Store this process's health; False (logged) when Redis cannot be reached."""
    record = {
        "can_grade": health.can_grade,
        "reason": health.reason,
        "checked_at": health.checked_at,
        "reported_at": time.time(),
        "zygote_start_ms": health.zygote_start_ms,
        "selftest_ms": health.selftest_ms,
        "attempts": health.attempts,
    }
    try:
        _client().hset(HEALTH_KEY, worker or worker_name(), json.dumps(record))
    except redis.RedisError as exc:
        logger.warning("Could not publish this worker's grading health: %s", exc)
        return False
    return True


def worker_health_list() -> list[WorkerHealth]:
    """Every worker process's last report, newest first; drops ones gone for a day."""
    client = _client()
    rows, forgotten = [], []
    for name, raw in client.hgetall(HEALTH_KEY).items():
        worker = name.decode("utf-8", "replace")
        try:
            data = json.loads(raw)
            row = WorkerHealth(
                worker=worker,
                can_grade=data["can_grade"],
                reason=str(data.get("reason", "")),
                checked_at=float(data.get("checked_at") or 0.0),
                reported_at=float(data["reported_at"]),
                zygote_start_ms=float(data.get("zygote_start_ms") or 0.0),
                selftest_ms=float(data.get("selftest_ms") or 0.0),
                attempts=int(data.get("attempts") or 0),
            )
        except (ValueError, KeyError, TypeError):
            forgotten.append(name)
            continue
        if row.age_seconds > FORGET_SECONDS:
            forgotten.append(name)
            continue
        rows.append(row)
    if forgotten:
        client.hdel(HEALTH_KEY, *forgotten)
    return sorted(rows, key=lambda r: r.reported_at, reverse=True)
