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
