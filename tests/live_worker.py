"""A real Celery worker process for tests: same code, the test database, a real Redis."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url_for_subprocess() -> str:
    """The URL of the database the tests are using, for another process to open."""
    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or ""
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


class LiveWorker:
    def __init__(
        self,
        *,
        broker_url: str,
        log_path: Path,
        concurrency: int = 2,
        queues: str = "grading,grading-long,celery",
        **env,
    ):
        self.queues = queues
        self.broker_url = broker_url
        self.log_path = log_path
        self.concurrency = concurrency
        self.extra_env = {k: str(v) for k, v in env.items()}
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60.0) -> LiveWorker:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=database_url_for_subprocess(),
            REDIS_URL=self.broker_url,
            CELERY_BROKER_URL=self.broker_url,
            GRADER_SWEEP_SECONDS="1",
            GRADER_STUCK_SECONDS="4",
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        beat_schedule = self.log_path.with_suffix(".beat")
        log = open(self.log_path, "ab")  # noqa: SIM115 - lives as long as the process
        start_offset = self.log_path.stat().st_size
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "courseplatform",
                "worker",
                "-Q",
                self.queues,
                "--concurrency",
                str(self.concurrency),
                "--beat",
                "--schedule",
                str(beat_schedule),
                "--without-gossip",
                "--without-mingle",
                "--loglevel",
                "INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.log_path.read_bytes()[start_offset:]
            if b"ready." in text:
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"the worker exited: {text.decode(errors='replace')[-3000:]}")
            time.sleep(0.1)
        raise RuntimeError(f"the worker did not start within {timeout} s; see {self.log_path}")

    def kill(self) -> None:
        """SIGKILL the whole worker (main process, pool children, their sandboxes)."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")
