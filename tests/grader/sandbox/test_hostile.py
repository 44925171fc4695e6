"""Every file in tests/grader/hostile is a learner submission that attacks the sandbox.

Each runs through the real sandbox and trusted judging, and must get exactly the verdict on
its first line. Afterwards: the same sandbox still grades a correct submission, nothing of
the job's slot uid is alive, no canary secret appears in anything the run returned, and
neither Redis nor PostgreSQL accepted a connection while it ran.
"""

import re
import time
from pathlib import Path

import pytest

from grader.sandbox import slots
from tests.grader.sandbox import double_exercise

pytestmark = pytest.mark.sandbox

HOSTILE_DIR = Path(__file__).resolve().parent.parent / "hostile"
VERDICTS = {"passed", "failed", "error", "timeout", "memory_limit", "output_limit"}
EXPECT = re.compile(r"^# expect: ([a-z_|]+)\n")
FILES = sorted(HOSTILE_DIR.glob("*.py"))
# Other suites may share the Redis and PostgreSQL of this machine: a counter that moved is
# re-checked by running the submission again; a real leak moves it every time.
COUNTER_ATTEMPTS = 8


def expected_verdicts(path: Path) -> set[str]:
    """The verdicts that are safe for this file (`# expect: failed|timeout`).

    A file that does real work may also time out when the machine is busy (the wall clock
    counts time spent waiting for a core): "timeout" is listed where that is safe. A file
    that must not pass never lists "passed"; one that must pass lists nothing it could
    reach by failing.
    """
    match = EXPECT.match(path.read_text())
    assert match, f"{path.name} must start with '# expect: <verdict>[|<verdict>...]'"
    wanted = match.group(1).split("|")
    assert set(wanted) <= VERDICTS and len(set(wanted)) == len(wanted), f"{path.name}: {wanted}"
    if "passed" in wanted:
        assert set(wanted) <= {"passed", "timeout"}, f"{path.name}: passed may only time out"
    else:
        assert len(set(wanted) - {"timeout"}) <= 1, f"{path.name}: one verdict, or timeout"
    return set(wanted)


def test_the_hostile_suite_is_large_enough():
    assert len(FILES) >= 40
    for path in FILES:
        expected_verdicts(path)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_hostile_submission(path, sandbox, canary, service_counters):
    source = path.read_text()
    want = expected_verdicts(path)

    for attempt in range(COUNTER_ATTEMPTS):
        time.sleep(0.5 * attempt)  # let a burst of someone else's connections pass
        before = service_counters.read()
        graded = double_exercise.grade(sandbox, source)
        after = service_counters.read()
        if after == before:
            break
    assert after == before, f"Redis/PostgreSQL connections moved {before} -> {after} every time"

    details = [(r.status, r.message, r.load_error, r.results[:2]) for r in graded.runs]
    assert graded.verdict in want, f"{path.name}: got {graded.verdict}; runs: {details}"
    assert all(not r.unsafe for r in graded.runs)

    assert slots.pids_of_uid(sandbox.slot.uid) == [], "a process of the job survived it"
    # The slot's cgroup holds the zygote and its spare child (root); nothing of the job.
    members = sandbox.slot.cgroup.pids() if sandbox.slot.cgroup else []
    assert [p for p in members if slots.uid_of(p) != 0] == []

    for text in graded.texts():
        assert canary not in text, f"{path.name} leaked the canary"

    follow_up = double_exercise.grade(sandbox, double_exercise.CORRECT)
    assert follow_up.verdict == "passed", [(r.status, r.message, r.results) for r in follow_up.runs]
