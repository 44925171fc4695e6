"""`Sandbox`: the trusted side of a job, from encoding the inputs to the RunResult."""

from __future__ import annotations

import os
import select
import signal
import threading
import time

from grader.sandbox import layout, outcome, slots
from grader.sandbox.runtime import wire
from grader.sandbox.types import Check, Health, Limits, RunResult, SandboxUnavailable
from grader.sandbox.zygote_process import ZygoteProcess

MIB = 1 << 20
SCRATCH_MB = layout.SCRATCH_MB
# The cgroup also holds the scratch tmpfs and the pages a child copies from the zygote
# when it writes to them (refcounts): the budget is for the learner's own allocations.
# It sits below the address-space limit (runtime/confine.py AS_HEADROOM), so memory that
# is actually touched is stopped by the kernel's OOM killer, with evidence; only single
# reservations beyond even the address-space limit are refused in-process.
CGROUP_SLACK_MB = SCRATCH_MB + 64
KILL_GRACE = 3.0  # seconds to wait for the zygote to reap a killed child
# A failed self-test can be a passing fault (a busy machine, a zygote that started badly):
# a fresh zygote gets one more try before the process declares itself unable to grade.
SELFTEST_ATTEMPTS = 2


class Sandbox:
    """Runs learner code in a forked, confined child of a warm zygote (one job at a time)."""

    def __init__(self, *, unsafe: bool = False, uid_base: int = 61000, threads: int = 1) -> None:
        self.unsafe = unsafe
        self.uid_base = uid_base
        self.threads = max(1, int(threads))
        self.owner_pid = os.getpid()
        self.slot: slots.Slot | None = None
        self.zygote: ZygoteProcess | None = None
        self.selftest_failure = ""
        self.last_selftest: list[Check] = []
        self.health = Health(can_grade=None)
        self._job = 0
        # A worker's heartbeat thread may re-check while the task thread runs jobs.
        self._lock = threading.RLock()

    # -- lifecycle ---------------------------------------------------------------------
    def _ensure(self, *, recheck: bool = False) -> ZygoteProcess:
        """The running zygote, started (and self-tested) if needed.

        Once this process found it cannot grade, it refuses at once (`known`): a learner's
        job never pays again for a zygote start and self-test that failed before. Only an
        explicit `recheck` (the worker's heartbeat, `selftest()`) tries again.
        """
        if os.getpid() != self.owner_pid:
            raise SandboxUnavailable("this Sandbox belongs to another process (forked?)")
        if self.zygote is not None and self.zygote.alive():
            return self.zygote
        if self.zygote is not None:
            self.zygote.stop()
            self.zygote = None
        if self.health.can_grade is False and not recheck:
            raise SandboxUnavailable(
                f"this worker process cannot grade: {self.health.reason}", known=True
            )
        try:
            return self._start()
        except SandboxUnavailable as exc:
            self._set_health(False, str(exc))
            raise

    def _start(self) -> ZygoteProcess:
        if not self.unsafe:
            _require_isolation()
        if self.slot is None and not self.unsafe:
            try:
                self.slot = slots.acquire(self.uid_base, with_cgroup=True)
            except (OSError, RuntimeError) as exc:
                raise SandboxUnavailable(f"no sandbox slot: {exc}") from exc
        uid = self.slot.uid if self.slot else os.getuid()
        cgroup = self.slot.cgroup if self.slot else None
        failures = []
        for attempt in range(1, SELFTEST_ATTEMPTS + 1):
            started = time.perf_counter()
            failed = self._start_once(uid, cgroup, attempt)
            if not failed:
                return self.zygote
            # Rebuild: a fresh zygote (and a slot swept clean) for the second attempt.
            if self.zygote is not None:
                self.zygote.stop()
                self.zygote = None
            self._sweep(thorough=True)
            elapsed = (time.perf_counter() - started) * 1000
            failures.append(f"attempt {attempt} ({elapsed:.0f} ms): {failed}")
        raise SandboxUnavailable(
            f"sandbox self-test failed, refusing to run jobs: {' | '.join(failures)}"
        )

    def _start_once(self, uid: int, cgroup, attempt: int) -> str:
        """Start a zygote and self-test it; return what failed ("" when it can grade)."""
        from grader.sandbox import selftest

        try:
            self.zygote = ZygoteProcess(
                confined=not self.unsafe,
                uid=uid,
                threads=self.threads,
                cgroup_fd=cgroup.procs_fd if cgroup else None,
            )
        except SandboxUnavailable as exc:
            return f"the zygote did not start: {exc}"
        start_ms = self.zygote.start_ms
        if self.unsafe:
            self._set_health(True, "unsafe mode: no isolation", zygote_start_ms=start_ms)
            return ""
        probe_started = time.perf_counter()
        try:
            checks = selftest.run_probe(self)
        except SandboxUnavailable as exc:
            checks = [Check("the probe runs in a confined job child", False, str(exc)[:500])]
        self.last_selftest = checks
        failed = [c for c in checks if not c.ok]
        if failed:
            return "; ".join(f"{c.name}: {c.detail}" for c in failed)
        selftest_ms = (time.perf_counter() - probe_started) * 1000
        self._set_health(
            True, "", zygote_start_ms=start_ms, selftest_ms=selftest_ms, attempts=attempt
        )
        return ""

    def _set_health(self, ok: bool, reason: str, **figures) -> None:
        self.health = Health(can_grade=ok, reason=reason[:1000], checked_at=time.time(), **figures)

    def close(self) -> None:
        if os.getpid() != self.owner_pid:
            self.forget()
            return
        if self.zygote is not None:
            self.zygote.stop()
            self.zygote = None
        if self.slot is not None:
            slots.kill_uid(self.slot.uid)
            self.slot.release()
            self.slot = None

    def forget(self) -> None:
        """Drop what a forked child inherited without disturbing the parent's zygote."""
        if self.zygote is not None:
            self.zygote.forget()
            self.zygote = None
        if self.slot is not None:
            self.slot.forget()
            self.slot = None

    def selftest(self) -> list[Check]:
        """Start (or reuse) the zygote and return every self-test check (a re-check too)."""
        from grader.sandbox import selftest

        with self._lock:
            return selftest.full(self)

    def start(self) -> Health:
        """Start the zygote and self-test it now (a worker's warm-up), a re-check included."""
        with self._lock:
            try:
                self._ensure(recheck=True)
            except SandboxUnavailable:
                pass
            return self.health

    def recheck(self) -> Health:
        """For a process that cannot grade: try a fresh zygote and self-test again."""
        with self._lock:
            if self.health.can_grade is False:
                try:
                    self._ensure(recheck=True)
                except SandboxUnavailable:
                    pass
            return self.health

    # -- jobs --------------------------------------------------------------------------
    def run(
        self,
        *,
        source: str,
        entry_point: str,
        kind: str,
        cases: list[dict],
        limits: Limits,
        forbidden: list[str] = (),
    ) -> RunResult:
        """Run `entry_point` of `source` on every case; never raises for learner behaviour.

        A case is a payload dict or its frame from `encode_case` (trusted, pre-encoded).
        """
        meta = {
            "source": source,
            "entry_point": entry_point,
            "kind": kind,
            "forbidden": list(forbidden),
        }
        frames = [wire.encode(meta)] + [c if type(c) is bytes else encode_case(c) for c in cases]
        collected = self.execute(frames, limits, ncases=len(cases))
        collected.forbidden = tuple(name for name in forbidden if type(name) is str)
        return outcome.decide(collected)

    def execute(self, frames: list[bytes], limits: Limits, *, ncases: int) -> outcome.Collected:
        """Run one job of pre-encoded frames (lesson, author and probe jobs build their own).

        Holds the sandbox for the whole job: the worker's warm-up and heartbeat thread may
        start or re-check the zygote meanwhile, and a start sweeps the slot's uid, which
        would kill a job running beside it.
        """
        with self._lock:
            return self._execute(frames, limits, ncases=ncases)

    def _execute(self, frames: list[bytes], limits: Limits, *, ncases: int) -> outcome.Collected:
        zygote = self._ensure()
        self._job += 1
        job_id = self._job
        memfd = os.memfd_create("grader-job", os.MFD_CLOEXEC)
        out_r = out_w = res_r = res_w = -1
        try:
            os.write(memfd, b"".join(frames))
            out_r, out_w = os.pipe2(os.O_CLOEXEC)
            res_r, res_w = os.pipe2(os.O_CLOEXEC)
            cgroup = self.slot.cgroup if self.slot else None
            if cgroup is not None:
                try:
                    cgroup.arm((int(limits.memory_mb) + CGROUP_SLACK_MB) * MIB)
                except OSError as exc:
                    raise SandboxUnavailable(f"cannot set the slot's memory limit: {exc}") from exc
            vmstat_before = slots.vmstat_oom_kills()
            job = {"limits": _limits_dict(limits)}
            started = time.perf_counter()
            zygote.send({"op": "run", "id": job_id, "job": job}, [memfd, out_w, res_w])
            os.close(out_w)
            os.close(res_w)
            out_w = res_w = -1
            gathered = self._gather(zygote, job_id, out_r, res_r, started + limits.wall_seconds)
            wall_ms = (time.perf_counter() - started) * 1000.0
        finally:
            for fd in (memfd, out_r, out_w, res_r, res_w):
                if fd >= 0:
                    os.close(fd)
        report, stdout, results, killed_for = gathered
        if report is None:
            self._lost()
        if not report.get("confined"):
            self._sweep()
            # The child's own last words (before learner code, so ours) are on its stdout.
            said = stdout[-300:].decode("utf-8", "replace")
            detail = f"status {report.get('status')}: {said} {zygote.error_text()[-300:]}".strip()
            # Fail closed: the next run starts a fresh zygote, which must pass the self-test.
            self.zygote = None
            zygote.stop()
            raise SandboxUnavailable(
                f"a job child failed to confine itself; it ran no learner code ({detail})"
            )
        signalled_kill = os.WIFSIGNALED(report["status"]) and os.WTERMSIG(report["status"]) == 9
        if cgroup is not None:
            oom = cgroup.oom_killed_since_arm()
        else:
            oom = signalled_kill and killed_for is None and slots.vmstat_oom_kills() > vmstat_before
        self._sweep(thorough=killed_for is not None or signalled_kill)
        return outcome.Collected(
            report=report,
            stdout=stdout,
            results=results,
            killed_for=killed_for,
            oom_killed=oom and signalled_kill,
            wall_ms=wall_ms,
            ncases=ncases,
            limits=limits,
            unsafe=self.unsafe,
        )

    def _gather(self, zygote: ZygoteProcess, job_id: int, out_r: int, res_r: int, deadline: float):
        """Read output and results under their caps until the zygote reports the exit."""
        stdout, results = bytearray(), bytearray()
        report, killed_for, kill_sent = None, None, 0.0
        open_fds = {out_r: (stdout, outcome.STDOUT_READ_CAP), res_r: (results, outcome.RESULTS_CAP)}
        while report is None or open_fds:
            now = time.perf_counter()
            if killed_for is None and now >= deadline:
                killed_for = "wall"
            if killed_for is not None and not kill_sent:
                kill_sent = now
                self._kill_job(zygote, job_id)
            if kill_sent and now > kill_sent + KILL_GRACE:
                return None, bytes(stdout), bytes(results), killed_for
            timeout = max(0.0, (deadline if not kill_sent else kill_sent + KILL_GRACE) - now)
            watched = list(open_fds) + ([zygote.sock] if report is None else [])
            readable, _, _ = select.select(watched, [], [], timeout)
            for item in readable:
                if item is zygote.sock:
                    message = zygote.receive(timeout=0)
                    if message is None:
                        return None, bytes(stdout), bytes(results), killed_for
                    if message.get("op") == "exit" and message.get("id") == job_id:
                        report = message
                    continue
                buffer, cap = open_fds[item]
                chunk = os.read(item, 1 << 16)
                if not chunk:
                    del open_fds[item]
                    continue
                room = cap + 1 - len(buffer)
                buffer += chunk[:room]
                if len(buffer) > cap and killed_for is None:
                    killed_for = "stdout" if item == out_r else "results"
            if report is not None and killed_for is not None:
                break  # the child is dead; what is still in the pipes is past a cap anyway
        return report, bytes(stdout[: outcome.STDOUT_READ_CAP]), bytes(results), killed_for

    def _kill_job(self, zygote: ZygoteProcess, job_id: int) -> None:
        try:
            zygote.send({"op": "kill", "id": job_id})
        except SandboxUnavailable:
            pass
        self._sweep(thorough=True)

    def _sweep(self, thorough: bool = False) -> None:
        """Kill whatever of the slot is still alive (nothing, unless something went wrong)."""
        if self.slot is None:
            return
        cgroup = self.slot.cgroup
        # The cgroup also holds the zygote and its spare child (root, our code only): only
        # what runs as the slot uid can be left over from a job.
        candidates = cgroup.pids() if cgroup is not None else []
        pids = [p for p in candidates if slots.uid_of(p) == self.slot.uid]
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if thorough or cgroup is None or pids:
            slots.kill_uid(self.slot.uid)

    def _lost(self) -> None:
        detail = self.zygote.error_text() if self.zygote else ""
        if self.zygote is not None:
            self.zygote.stop()
            self.zygote = None
        self._sweep(thorough=True)
        raise SandboxUnavailable(f"the sandbox's zygote stopped answering mid-job {detail}".strip())


def encode_case(payload: dict) -> bytes:
    """The frame of one case, for callers that send the same cases often (run() takes it)."""
    return wire.encode(_case(payload))


def _case(payload: dict) -> dict:
    return {
        "name": payload.get("name", ""),
        "args": list(payload.get("args", ())),
        "kwargs": dict(payload.get("kwargs", {})),
        "grad_wrt": list(payload.get("grad_wrt", ())),
        "grad_output": payload.get("grad_output"),
        # Arguments handed back after the call (positions or keyword names), when declared.
        "return_inputs": list(payload.get("return_inputs", ())),
    }


def _limits_dict(limits: Limits) -> dict:
    return {
        "wall_seconds": float(limits.wall_seconds),
        "cpu_seconds": float(limits.cpu_seconds),
        "memory_mb": int(limits.memory_mb),
        "threads": int(limits.threads),
    }


def _require_isolation() -> None:
    """Raise SandboxUnavailable saying exactly why this host cannot isolate a job."""
    if layout.bwrap_path() is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed: apt-get install bubblewrap")
    if os.geteuid() != 0:
        raise SandboxUnavailable(
            "the sandbox needs root (per-slot uids, namespaces, cgroups); this worker runs as "
            f"uid {os.geteuid()}"
        )
    for ns in ("pid", "net", "ipc", "uts", "mnt"):
        if not os.path.exists(f"/proc/self/ns/{ns}"):
            raise SandboxUnavailable(f"this kernel has no {ns} namespaces")
