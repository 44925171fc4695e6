"""Processes of a real stack for live tests and the load test: a private Redis (which a
test may stop and start again: never the shared one) and the web app under gunicorn.

The web app runs in a process of its own, configured only by environment variables as in
production; it reads the database the caller names (for tests: the test database, see
tests.live_worker.database_url_for_subprocess).
"""

from __future__ import annotations

import http.cookiejar
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} within {timeout:g} s")


class PrivateRedis:
    """A redis-server of the caller's own on a free port, without persistence."""

    def __init__(self, folder: Path, port: int | None = None):
        self.port = port or free_port()
        self.folder = folder
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def pings(self) -> bool:
        try:
            return bool(redis.Redis.from_url(self.url(), socket_timeout=0.5).ping())
        except redis.ConnectionError:
            return False

    def start(self) -> PrivateRedis:
        command = [shutil.which("redis-server") or "redis-server", "--port", str(self.port)]
        command += ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        command += ["--dir", str(self.folder)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _wait(self.pings, 10, f"the private Redis on port {self.port} did not answer")
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        _wait(lambda: not self.pings(), 5, "the private Redis still answers")


class Gunicorn:
    """The web app under gunicorn (threaded workers, as deployed; docs/deploy.md)."""

    def __init__(
        self, *, database_url: str, redis_url: str, cache_url: str, log_path: Path,
        workers: int = 1, threads: int = 8, **env,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = dict(os.environ) | {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CELERY_BROKER_URL": redis_url,
            "CACHE_URL": cache_url,
            "DEBUG": "false",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "STATIC_MANIFEST": "false",
            "PYTHONUNBUFFERED": "1",
        } | {k: str(v) for k, v in env.items()}
        self.env.setdefault("SECRET_KEY", "live-stack-only-secret-key-0123456789abcdefghijklmnop")
        self.command = [
            sys.executable, "-m", "gunicorn", "courseplatform.wsgi",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
            "--timeout", "60", "--graceful-timeout", "5",
        ]
        self.process: subprocess.Popen | None = None

    def answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/api/openapi.json", timeout=2) as response:
                return response.status == 200
        except (OSError, urllib.error.URLError):
            return False

    def start(self, timeout: float = 60) -> Gunicorn:
        log = open(self.log_path, "ab")  # noqa: SIM115 - lives as long as the process
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait(self.answers, timeout, f"gunicorn did not answer; see {self.log_path}")
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


class HttpBrowser:
    """Plain HTTP with a cookie jar, as a browser without JavaScript would talk."""

    def __init__(self, base_url: str, cookies: dict[str, str] | None = None):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.extra_cookies = cookies or {}

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        """Return (status, headers, body text); an HTTP error status is an answer too."""
        headers = dict(headers or {})
        if self.extra_cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.extra_cookies.items())
        request = urllib.request.Request(
            self.base_url + path, data=body, method=method, headers=headers
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()
