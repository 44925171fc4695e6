import os

import pytest
import redis

from tests.factories import StaffFactory, UserFactory


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The Redis the suite talks to (the Makefile points REDIS_URL at one that answers)."""
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    redis.Redis.from_url(url).ping()
    return url


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    # Rate-limit counters live in the cache: start every test from an empty one.
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def learner(db):
    return UserFactory()


@pytest.fixture
def other_learner(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def live_worker(transactional_db, redis_url, tmp_path):
    """A real Celery worker (with beat) grading from the test database via a real Redis.

    Tests that use it see committed data only: use transactional_db (live_server does).
    """
    from tests.live_worker import LiveWorker

    redis.Redis.from_url(redis_url).flushdb()  # the suite's own database: stale tasks out
    worker = LiveWorker(broker_url=redis_url, log_path=tmp_path / "worker.log").start()
    yield worker
    worker.stop()


def wait_for(predicate, *, timeout: float = 30.0, interval: float = 0.05):
    """Poll until predicate() is truthy; return its value or fail with what it last said."""
    import time

    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s (last value: {value!r})")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix) -> None:
    """One PostgreSQL test database per test run, so two runs side by side never share one.

    scripts/test.sh holds an flock on this run's pair of Redis databases: their number
    names the test database (test_<name>_r<N>), so a run killed half-way leaves at most one
    stale database per pair, which the next run on that pair replaces. SQLite already
    uses one file per process (settings.py).
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        return
    url = os.environ.get("REDIS_URL", "")
    run = url.rsplit("/", 1)[-1] if url.rsplit("/", 1)[-1].isdigit() else str(os.getpid())
    test = database.setdefault("TEST", {})
    test["NAME"] = test.get("NAME") or f"test_{database['NAME']}_r{run}"
