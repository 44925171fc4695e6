"""Start-up and health of a worker's sandbox: the self-test measures job memory only, a
failed self-test gets one fresh zygote, and a process known unable to grade refuses at once."""

import os
from pathlib import Path

import pytest
import torch

from grader.sandbox import Limits, Sandbox, SandboxUnavailable, selftest
from grader.sandbox.types import Check

pytestmark = pytest.mark.sandbox

DOUBLE = "def double(x):\n    return 2 * x\n"
CASE = {"name": "a", "args": [1.0]}
INCLUDE = Path(torch.__file__).parent / "include"


QUICK = Limits(wall_seconds=5.0, cpu_seconds=2.0, memory_mb=256)


def run(box, source=DOUBLE, limits=QUICK):
    return box.run(source=source, entry_point="double", kind="numpy", cases=[CASE], limits=limits)


class ProbeScript:
    """The real probe, with chosen attempts failing; records the zygote each one ran in."""

    def __init__(self, fail_attempts: set[int]):
        self.fail_attempts = fail_attempts
        self.zygote_pids: list[int] = []
        self.real = selftest.run_probe

    def __call__(self, box):
        self.zygote_pids.append(box.zygote.process.pid)
        checks = self.real(box)
        if len(self.zygote_pids) in self.fail_attempts:
            checks = checks + [Check("a check that failed this time", False, "on purpose")]
        return checks


def test_page_cache_charged_to_the_slot_is_not_job_memory(monkeypatch, canary):
    # Files a job reads first are charged to the slot's cgroup as page cache (on a busy
    # machine, pages of torch evicted and read again): that must not fail the self-test.
    files = sorted(p for p in INCLUDE.rglob("*") if p.is_file())
    for path in files:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
    reader = (
        "import os, torch\n"
        "def double(x):\n"
        "    total = 0\n"
        "    for root, _dirs, names in os.walk(os.path.dirname(torch.__file__) + '/include'):\n"
        "        for name in names:\n"
        "            with open(os.path.join(root, name), 'rb') as f:\n"
        "                total += len(f.read())\n"
        "    return total\n"
    )
    box = Sandbox()
    try:
        assert run(box).status == "ok"
        cgroup = box.slot.cgroup
        before_usage, (before_job, _) = cgroup.usage_bytes(), cgroup.job_memory_bytes()
        read = run(box, reader, Limits(wall_seconds=60.0, cpu_seconds=20.0, memory_mb=256))
        assert read.status == "ok", (read.message, read.results)
        read_mib = read.results[0]["value"] / 2**20
        grown_usage = (cgroup.usage_bytes() - before_usage) / 2**20
        grown_job = (cgroup.job_memory_bytes()[0] - before_job) / 2**20
        assert read_mib > 30
        assert grown_usage > 16, "the files read were not charged here: nothing was tested"
        assert grown_job < 8, f"{grown_job:.1f} MiB of page cache counted as job memory"
        # Below what was charged as cache, the old check (usage < limit) would fail here.
        monkeypatch.setattr(selftest, "ZYGOTE_CHARGE_MB", int(grown_usage * 0.8))
        check = next(c for c in selftest.run_probe(box) if "memory cgroup" in c.name)
        assert check.ok, check.detail
    finally:
        box.close()


def test_a_failed_self_test_rebuilds_the_zygote_and_passes_on_the_second_try(monkeypatch, canary):
    probe = ProbeScript(fail_attempts={1})
    monkeypatch.setattr(selftest, "run_probe", probe)
    box = Sandbox()
    try:
        assert run(box).status == "ok"
        assert len(probe.zygote_pids) == 2 and probe.zygote_pids[0] != probe.zygote_pids[1]
        assert box.health.can_grade is True and box.health.attempts == 2
        assert box.zygote.process.pid == probe.zygote_pids[1]
    finally:
        box.close()


def test_a_process_known_unable_to_grade_refuses_at_once_until_a_recheck_passes(
    monkeypatch, canary
):
    probe = ProbeScript(fail_attempts={1, 2})
    monkeypatch.setattr(selftest, "run_probe", probe)
    box = Sandbox()
    try:
        with pytest.raises(SandboxUnavailable, match="attempt 1.*attempt 2") as first:
            run(box)
        assert not first.value.known and len(probe.zygote_pids) == 2
        assert box.health.can_grade is False and "on purpose" in box.health.reason
        # Known now: no zygote start and no self-test are spent on the next job.
        for _ in range(3):
            with pytest.raises(SandboxUnavailable, match="cannot grade") as again:
                run(box)
            assert again.value.known
        assert len(probe.zygote_pids) == 2 and box.zygote is None
        # The worker's heartbeat re-checks; a passing self-test puts it back to work.
        health = box.recheck()
        assert health.can_grade is True and len(probe.zygote_pids) == 3
        assert run(box).status == "ok"
    finally:
        box.close()
