"""Remember that a backing service (Redis) is down, so that callers skip it for a while.

A page must not pay a connection attempt per cache call while Redis is down, and the log
must not get one line per request: after a failure the service is skipped for
`retry_seconds`, and the outage is logged at most once per `log_every` seconds (per
process), with one line when the service answers again.
"""

from __future__ import annotations

import logging
import threading
import time

logger = logging.getLogger("courseplatform.outage")


class Outage:
    def __init__(self, name: str, *, retry_seconds: float = 5.0, log_every: float = 60.0):
        self.name = name
        self.retry_seconds = retry_seconds
        self.log_every = log_every
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._down_since: float | None = None
        self._last_logged = float("-inf")

    @property
    def down(self) -> bool:
        """True while the last attempt failed (whether or not a retry is due)."""
        return self._down_since is not None

    def skipping(self) -> bool:
        """True if callers should not try the service now (it failed moments ago)."""
        return time.monotonic() < self._down_until

    def failed(self, exc: BaseException, *, fallback: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._down_until = now + self.retry_seconds
            if self._down_since is None:
                self._down_since = now
            log = now - self._last_logged >= self.log_every
            if log:
                self._last_logged = now
        if log:
            logger.warning("%s is unavailable (%s): %s", self.name, exc, fallback)

    def succeeded(self) -> None:
        if self._down_since is None:
            return
        with self._lock:
            since, self._down_since, self._down_until = self._down_since, None, 0.0
        if since is not None:
            logger.warning(
                "%s answers again after %.0f s", self.name, time.monotonic() - since
            )
