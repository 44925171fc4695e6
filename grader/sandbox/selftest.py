"""The fail-closed self-test: run a probe in a real job child and check what it saw.

`run_probe` runs when a zygote starts (host.Sandbox refuses jobs if any check fails);
`full` adds host-side checks and is what `manage.py grader_selftest` prints.
"""

from __future__ import annotations

import os
import time

from grader.sandbox import layout
from grader.sandbox.runtime import wire
from grader.sandbox.types import Check, Limits

PROBE_LIMITS = Limits(wall_seconds=20.0, cpu_seconds=10.0, memory_mb=512)
ZYGOTE_CHARGE_MB = 64


def _probe_meta(sandbox) -> dict:
    return {
        "probe": True,
        # Paths that must not exist inside: the project tree and the worker's home.
        "absent": sorted({str(layout.REPO_ROOT), "/root", "/home", "/work", "/etc/passwd"}),
        "uid": sandbox.slot.uid if sandbox.slot else -1,
    }


def run_probe(sandbox) -> list[Check]:
    """Run the probe through the ordinary job path and turn its report into checks."""
    collected = sandbox.execute([wire.encode(_probe_meta(sandbox))], PROBE_LIMITS, ncases=0)
    report = None
    try:
        report = wire.decode(collected.results) if collected.results else None
    except wire.WireError as exc:
        return [Check("probe report", False, f"unreadable: {exc}")]
    if type(report) is not dict or type(report.get("checks")) is not list:
        detail = collected.stdout[-500:].decode("utf-8", "replace")
        return [Check("probe report", False, f"no report came back; output: {detail!r}")]
    checks = []
    for item in report["checks"]:
        if type(item) is list and len(item) == 3:
            checks.append(Check(str(item[0]), item[1] is True, str(item[2])[:300]))
    names = {c.name for c in checks}
    checks += _environ_checks(report)
    cgroup = sandbox.slot.cgroup if sandbox.slot else None
    if cgroup is not None:
        # The zygote's own memory must stay charged outside the slot: jobs get the budget.
        # Anonymous memory (and shmem) only: page cache is shared and reclaimable.
        job_bytes, cache_bytes = cgroup.job_memory_bytes()
        used = job_bytes / 2**20
        checks.append(
            Check(
                "the slot's memory cgroup holds only what jobs use",
                used < ZYGOTE_CHARGE_MB,
                f"{used:.0f} MiB of anonymous memory charged after the probe (limit "
                f"{ZYGOTE_CHARGE_MB} MiB; page cache not counted: {cache_bytes / 2**20:.0f} MiB)",
            )
        )
    seen_by_zygote = sandbox.zygote.ready.get("proc1_environ") if sandbox.zygote else None
    if sandbox.zygote is not None and sandbox.zygote.confined:
        checks.append(
            Check(
                "pid 1 of the sandbox started with an empty environment (env -i)",
                seen_by_zygote == "",
                f"{seen_by_zygote!r:.200}",
            )
        )
    if not names:
        checks.append(Check("probe report", False, "the probe ran no checks"))
    return checks


def _environ_checks(report: dict) -> list[Check]:
    """Nothing of the worker's environment may be readable inside (--clearenv is not enough)."""
    ours = layout.zygote_environment(1)
    secrets = {v for k, v in os.environ.items() if len(v) >= 6 and k not in ours}
    checks = []
    for key in ("proc1_environ", "self_environ"):
        seen = report.get(key)
        if type(seen) is not str:
            checks.append(Check(f"{key} readable by the probe", False, "no data"))
            continue
        leaked = sorted(k for k, v in os.environ.items() if v in secrets and v in seen)
        if leaked:
            detail = f"leaked: {leaked}"
        elif seen.startswith("(unreadable"):
            detail = f"the job cannot read it {seen}"
        else:
            detail = f"{len(seen)} bytes, none from the worker"
        checks.append(Check(f"{key} holds nothing of the worker", not leaked, detail))
    return checks


def full(sandbox) -> list[Check]:
    """Every check: isolation available, zygote up and single-threaded, probe checks."""
    from grader.sandbox.types import SandboxUnavailable

    checks: list[Check] = []
    if sandbox.unsafe:
        checks.append(Check("isolation", False, "unsafe mode: no isolation (development only)"))
    else:
        bwrap = layout.bwrap_path()
        checks.append(Check("bubblewrap installed", bwrap is not None, bwrap or "not found"))
    started = time.perf_counter()
    try:
        zygote = sandbox._ensure(recheck=True)
    except SandboxUnavailable as exc:
        checks += list(sandbox.last_selftest)
        checks.append(Check("zygote starts and passes the probe", False, str(exc)[:500]))
        return checks
    threads = int(zygote.ready.get("threads", 0))
    checks.append(
        Check("zygote is single-threaded (no torch op ran)", threads == 1, f"{threads} thread(s)")
    )
    checks.append(
        Check(
            "zygote started",
            True,
            f"{zygote.start_ms:.0f} ms to ready, "
            f"{zygote.ready.get('vmsize_kb', 0) // 1024} MiB VmSize",
        )
    )
    if sandbox.unsafe:
        return checks
    checks += run_probe(sandbox)
    checks.append(Check("self-test time", True, f"{(time.perf_counter() - started) * 1000:.0f} ms"))
    return checks
