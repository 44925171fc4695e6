import os
import secrets

import psycopg
import pytest
import redis

from grader.sandbox import Sandbox
from grader.sandbox.layout import REPO_ROOT

CANARY_ENV = "COURSEPLATFORM_SANDBOX_CANARY"
POSTGRES_URL = os.environ.get(
    "SANDBOX_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture(scope="session")
def canary() -> str:
    """A secret planted where hostile code looks: this process's environment and the repo."""
    value = f"canary-{secrets.token_hex(12)}"
    os.environ[CANARY_ENV] = value
    os.environ["SECRET_KEY_CANARY"] = value
    path = REPO_ROOT / "grader" / f".sandbox-canary-{os.getpid()}"
    path.write_text(f"SECRET={value}\n")
    yield value
    path.unlink(missing_ok=True)
    os.environ.pop(CANARY_ENV, None)
    os.environ.pop("SECRET_KEY_CANARY", None)


@pytest.fixture(scope="session")
def sandbox(canary) -> Sandbox:
    """A real, confined sandbox of its own (its own slot uid), started after the canary."""
    box = Sandbox()
    yield box
    box.close()


class ServiceCounters:
    """Connections Redis and PostgreSQL have ever accepted, read over long-lived connections."""

    def __init__(self, redis_url: str) -> None:
        self.redis = redis.Redis.from_url(redis_url)
        self.pg = psycopg.connect(POSTGRES_URL, autocommit=True)

    def read(self) -> tuple[int, int]:
        redis_total = int(self.redis.info("stats")["total_connections_received"])
        self.pg.execute("select pg_stat_clear_snapshot()")
        # Django's test databases (test_*) belong to whichever suite is running next to
        # this one; a sandboxed process would aim at the platform's own databases.
        (pg_total,) = self.pg.execute(
            "select coalesce(sum(sessions), 0) + coalesce(sum(sessions_fatal), 0) "
            "from pg_stat_database where datname is null or datname not like 'test\\_%'"
        ).fetchone()
        return redis_total, int(pg_total)

    def close(self) -> None:
        self.redis.close()
        self.pg.close()


@pytest.fixture(scope="session")
def service_counters(redis_url) -> ServiceCounters:
    counters = ServiceCounters(redis_url)
    counters.read()
    yield counters
    counters.close()
