"""Answer a client the moment its verdict is recorded (the `wait` long poll).

The grader calls `verdict_announce` once the verdict's transaction has committed: it
publishes the submission's id on a Redis channel. A request waiting for that submission
(`verdict_wait`) subscribes first and only then reads the row, so a verdict recorded in
between is not missed. Redis is only the wake-up call, the database holds the verdict:
the waiter also re-reads the row every RECHECK_SECONDS, so a lost message costs at most
that much latency, and while Redis is down the waiter polls the row instead (a cheap
indexed read), from every FALLBACK_POLL_SECONDS backing off to FALLBACK_POLL_MAX_SECONDS:
no verdict comes quickly while the broker is down, and a class of waiters must not
hammer the database.
"""

from __future__ import annotations

import hashlib
import threading
import time

import redis
from django.conf import settings
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from courseplatform.outage import Outage
from exercises.models import Submission

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)
RECHECK_SECONDS = 1.0
FALLBACK_POLL_SECONDS = 0.2
FALLBACK_POLL_MAX_SECONDS = 2.0
FALLBACK = "clients waiting for a verdict poll the database instead"

pubsub_outage = Outage("The Redis that announces verdicts", retry_seconds=5.0)
_pool_lock = threading.Lock()
_pools: dict[str, redis.ConnectionPool] = {}


def _client() -> redis.Redis:
    url = settings.REDIS_URL
    with _pool_lock:
        pool = _pools.get(url)
        if pool is None:
            pool = redis.ConnectionPool.from_url(
                url, socket_connect_timeout=0.5, socket_timeout=2.0, health_check_interval=0
            )
            _pools[url] = pool
    return redis.Redis(connection_pool=pool)


def _channel(submission_id: int) -> str:
    # Channels are global to a Redis server, whatever its database number: the database's
    # name keeps two deployments (or two test runs) sharing one Redis apart.
    name = str(settings.DATABASES["default"]["NAME"])
    scope = hashlib.sha256(name.encode()).hexdigest()[:12]
    return f"courseplatform:{scope}:verdict:{submission_id}"


def verdict_announce(*, submission_id: int) -> None:
    """Wake the requests waiting for this submission; call after the verdict is committed.

    Never raises for Redis being down: waiters find the verdict by re-reading the row.
    """
    if pubsub_outage.skipping():
        return
    try:
        _client().publish(_channel(submission_id), "done")
    except REDIS_DOWN as exc:
        pubsub_outage.failed(exc, fallback=FALLBACK)
    else:
        pubsub_outage.succeeded()


def _is_done(submission_id: int) -> bool:
    return Submission.objects.filter(pk=submission_id, status=Submission.Status.DONE).exists()


def _subscribe(submission_id: int):
    if pubsub_outage.skipping():
        return None
    pubsub = _client().pubsub(ignore_subscribe_messages=True)
    try:
        pubsub.subscribe(_channel(submission_id))
    except REDIS_DOWN as exc:
        pubsub_outage.failed(exc, fallback=FALLBACK)
        pubsub.close()
        return None
    pubsub_outage.succeeded()
    return pubsub


def verdict_wait(*, submission_id: int, seconds: float) -> bool:
    """Block until the submission is graded or `seconds` pass; return True if it is graded.

    Holds no transaction while it waits. Bounded by VERDICT_WAIT_MAX_SECONDS whatever
    the caller asks.
    """
    deadline = time.monotonic() + min(seconds, settings.VERDICT_WAIT_MAX_SECONDS)
    pubsub = _subscribe(submission_id)
    pause = FALLBACK_POLL_SECONDS
    try:
        while True:
            if _is_done(submission_id):
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            if pubsub is None:
                time.sleep(min(pause, remaining))
                pause = min(pause * 1.5, FALLBACK_POLL_MAX_SECONDS)
                continue
            try:
                pubsub.get_message(timeout=min(RECHECK_SECONDS, remaining))
            except REDIS_DOWN as exc:
                pubsub_outage.failed(exc, fallback=FALLBACK)
                pubsub.close()
                pubsub = None
    finally:
        if pubsub is not None:
            pubsub.close()


def wait_seconds(raw: str | None) -> float | None:
    """Parse a `wait` query parameter: None if absent, ValueError if not a number of seconds.

    Above VERDICT_WAIT_MAX_SECONDS it means the maximum: a client written for a longer
    bound keeps working against a server configured with a shorter one.
    """
    if raw is None:
        return None
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):  # also refuses nan
        raise ValueError("'wait' must be a number of seconds, 0 or more")
    return min(seconds, settings.VERDICT_WAIT_MAX_SECONDS)
