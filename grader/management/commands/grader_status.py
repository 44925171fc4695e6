import sys
import time

import redis
from django.core.management.base import BaseCommand

from grader.health import HEARTBEAT_SECONDS, worker_health_list


class Command(BaseCommand):
    help = (
        "Which grading worker processes can grade, and why not (from the health each "
        "process publishes to Redis). Exit 1 when no live process can grade."
    )

    def handle(self, *args, **options):
        try:
            rows = worker_health_list()
        except redis.RedisError as exc:
            self.stderr.write(f"Cannot read the workers' health from Redis: {exc}")
            sys.exit(2)
        if not rows:
            self.stderr.write(
                "No worker process has reported its grading health (is a Celery worker running?)"
            )
            sys.exit(1)
        able = 0
        for row in rows:
            if row.stale:
                state = f"STALE  no report for {row.age_seconds:.0f} s (stopped or hung?)"
            elif row.can_grade is None:
                state = "STARTING  the sandbox has not started yet"
            elif row.can_grade:
                able += 1
                state = "can grade"
            else:
                state = f"CANNOT GRADE  {row.reason}"
            checked = time.time() - row.checked_at if row.checked_at else None
            figures = (
                f"zygote {row.zygote_start_ms / 1000:.1f} s, self-test {row.selftest_ms:.0f} ms, "
                f"attempts {row.attempts}"
                if row.can_grade
                else ""
            )
            since = f"checked {checked:.0f} s ago" if checked is not None else "never checked"
            self.stdout.write(f"{row.worker:<28} {state}")
            self.stdout.write(f"{'':<28}   {since}, reported {row.age_seconds:.0f} s ago {figures}")
        live = sum(1 for r in rows if not r.stale)
        self.stdout.write(
            f"{able} of {live} live worker processes can grade "
            f"(reports every {HEARTBEAT_SECONDS:.0f} s)"
        )
        if not able:
            sys.exit(1)
