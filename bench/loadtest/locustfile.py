"""Learners browsing and submitting, for `make loadtest` (bench/loadtest/run.py starts it).

Each simulated learner has a session of its own (made by run.py, as if logged in), reads
course, lesson and exercise pages, and submits right or wrong solutions through the
exercise page's own JSON endpoint, then waits for the verdict the way the page's script
does (`status.json?wait=25`). Requests are named by page kind, so that locust reports
p50/p95/p99 per kind; "submit → verdict" is the time a learner waits for a verdict.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

PLAN = json.loads(open(os.environ["LOADTEST_PLAN"]).read())
_people = itertools.cycle(PLAN["learners"])


class Learner(FastHttpUser):
    wait_time = between(2, 8)

    def on_start(self) -> None:
        me = next(_people)
        self.csrf = me["csrf"]
        self.cookie = f"sessionid={me['session']}; csrftoken={me['csrf']}"

    def _get(self, path: str, name: str):
        with self.client.get(path, name=name, headers={"Cookie": self.cookie},
                             catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            return response

    @task(1)
    def course(self) -> None:
        self._get(random.choice(PLAN["courses"]), "course page")

    @task(3)
    def lesson(self) -> None:
        self._get(random.choice(PLAN["lessons"]), "lesson page")

    @task(3)
    def exercise(self) -> None:
        self._get(f"/exercises/{random.choice(PLAN['exercise_pages'])}/", "exercise page")

    @task(2)
    def submit(self) -> None:
        slug = random.choice(list(PLAN["exercises"]))
        right = random.random() < 0.5
        source = PLAN["exercises"][slug]["right" if right else "wrong"]
        started = time.perf_counter()
        with self.client.post(
            f"/exercises/{slug}/submit/",
            data={"source_code": source, "mode": "submit", "csrfmiddlewaretoken": self.csrf},
            headers={"Cookie": self.cookie, "Accept": "application/json",
                     "X-CSRFToken": self.csrf, "Referer": self.host + f"/exercises/{slug}/"},
            name="submit",
            catch_response=True,
        ) as response:
            if response.status_code != 202:
                response.failure(f"HTTP {response.status_code}: {response.text[:200]}")
                return
            status_url = response.json()["status_url"]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with self.client.get(f"{status_url}?wait=25", name="verdict wait",
                                 headers={"Cookie": self.cookie, "Accept": "application/json"},
                                 catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")
                    return
                data = response.json()
            if data["done"]:
                expected = "passed" if right else "failed"
                events.request.fire(
                    request_type="VERDICT",
                    name="submit → verdict",
                    response_time=(time.perf_counter() - started) * 1000,
                    response_length=0,
                    exception=None if data["verdict"] == expected
                    else AssertionError(f"{slug}: {data['verdict']}, expected {expected}"),
                    context={},
                )
                return
        events.request.fire(
            request_type="VERDICT", name="submit → verdict", response_time=120_000,
            response_length=0, exception=TimeoutError("no verdict in 120 s"), context={},
        )
