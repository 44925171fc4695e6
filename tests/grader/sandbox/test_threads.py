"""A worker process has two threads on its sandbox: the task's and the warm-up/heartbeat.

The heartbeat starts (or re-checks) the zygote while a task may already be running a job:
every kind of job (a submission, a lesson block, an author's file) must hold the sandbox
while it runs, or the other thread's zygote start and its self-test's sweep of the slot
kill the job mid-run (seen in a browser test: a lesson block "killed by signal 9" when it
arrived before its worker process had finished warming up).
"""

import threading
import time

import pytest

from grader.reference import load_cases
from grader.sandbox import Limits, Sandbox
from grader.sandbox.lessonrun import run_lesson_block

pytestmark = pytest.mark.sandbox

LIMITS = Limits(wall_seconds=60, cpu_seconds=20, memory_mb=256)
# Long enough that a second zygote start and its self-test finish while it still runs.
SLOW_BLOCK = "import time\nfor _ in range(40):\n    time.sleep(0.2)\nprint('finished')\n"


def _warm_up_while(job, box: Sandbox) -> object:
    """Run `job(box)` on a cold sandbox while another thread warms it up, as a worker does."""
    outcome = {}
    started = threading.Event()

    def task():
        started.set()
        try:
            outcome["result"] = job(box)
        except Exception as exc:  # noqa: BLE001 - re-raised in the test's own thread
            outcome["error"] = exc

    thread = threading.Thread(target=task)
    thread.start()
    started.wait()
    time.sleep(0.3)  # the task thread is now starting the zygote itself
    box.start()  # the heartbeat's warm-up
    thread.join(timeout=120)
    assert not thread.is_alive()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def test_a_lesson_block_survives_the_warm_up_thread(canary):
    box = Sandbox()
    try:
        result = _warm_up_while(
            lambda b: run_lesson_block(b, context=[], number=1, source=SLOW_BLOCK, limits=LIMITS),
            box,
        )
    finally:
        box.close()

    assert (result.status, result.message, result.output) == ("ok", "", "finished\n")


def test_an_author_job_survives_the_warm_up_thread(canary):
    slow_cases = (
        "import time\nfrom grader.casekit import Case\n\n"
        "def cases():\n"
        "    for _ in range(40):\n"
        "        time.sleep(0.2)\n"
        "    yield Case('only', args=(1.0,), visible=True)\n"
        "    yield Case('hidden', args=(2.0,))\n"
    )
    box = Sandbox()
    try:
        case_set = _warm_up_while(
            lambda b: load_cases(b, source=slow_cases, slug="ex", limits=LIMITS), box
        )
    finally:
        box.close()

    assert [c.name for c in case_set.cases] == ["only", "hidden"]
