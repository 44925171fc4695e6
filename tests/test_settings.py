"""Settings come from the environment; production settings pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k7#v9!q2-production-secret-that-is-long-and-random-7a6b5c4d3e2f1g0h",
    "ALLOWED_HOSTS": "courses.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://courses.example.org",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    # A fresh process with this environment only: nothing a test fixture set leaks in.
    dropped = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("secret_key", [None, ""])
def test_without_a_secret_key_and_debug_off_the_app_refuses_to_start(secret_key):
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr
    assert "django-insecure" not in result.stdout + result.stderr


def test_with_debug_on_a_local_key_is_used_and_check_deploy_flags_it():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"} | {"DEBUG": "true"}

    plain = manage("check", env=env)
    deploy = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert plain.returncode == 0, plain.stderr
    assert deploy.returncode != 0 and "SECRET_KEY" in deploy.stdout + deploy.stderr


def test_a_malformed_boolean_setting_is_a_clear_error():
    result = manage("check", env={"DEBUG": "perhaps"})

    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.parametrize(
    ("redis_url", "cache_url"),
    [("redis://h:6379/0", "redis://h:6379/1"), ("redis://h:6379/8", "redis://h:6379/9")],
)
def test_the_cache_never_shares_the_brokers_redis_database(redis_url, cache_url):
    from courseplatform.settings import _next_redis_db

    assert _next_redis_db(redis_url) == cache_url
