"""A uid per worker process ("slot"), its memory cgroup and the sweep that empties it.

RLIMIT_NPROC counts every process of a uid and the wall-clock kill sweeps a uid, so two
worker processes must never share one. A slot is held through an exclusive flock on a
lock file for the life of the worker's sandbox; a forked worker takes its own.

The slot's memory cgroup (cgroup v1 "memory", or v2 when that is where the controller
lives) is the kernel's evidence for memory_limit: its OOM-kill counter moves only when
the kernel killed a job for memory. Without a usable cgroup the global counter in
/proc/vmstat stands in.
"""

from __future__ import annotations

import fcntl
import os
import pwd
import signal
import time
from dataclasses import dataclass
from pathlib import Path

LOCK_DIRS = ("/run/courseplatform-sandbox", "/tmp/courseplatform-sandbox")
MAX_SLOTS = 512
CGROUP_V1 = Path("/sys/fs/cgroup/memory")
CGROUP_V2 = Path("/sys/fs/cgroup")
CGROUP_GROUP = "courseplatform-sandbox"


@dataclass
class Slot:
    uid: int
    lock_fd: int
    lock_path: str
    cgroup: MemoryCgroup | None

    def release(self) -> None:
        if self.cgroup is not None:
            self.cgroup.close()
        try:
            os.close(self.lock_fd)
        except OSError:
            pass

    def forget(self) -> None:
        """In a forked child: drop the inherited copies without touching the parent's slot."""
        if self.cgroup is not None:
            self.cgroup.forget()
        try:
            os.close(self.lock_fd)
        except OSError:
            pass


def acquire(uid_base: int, *, with_cgroup: bool) -> Slot:
    """Lock the first free uid at or above `uid_base` and empty it of stray processes."""
    lock_dir = _lock_dir()
    for uid in range(uid_base, uid_base + MAX_SLOTS):
        if _uid_has_account(uid):
            continue  # a real account: its processes are not ours to kill
        path = os.path.join(lock_dir, f"uid-{uid}.lock")
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        kill_uid(uid)  # leftovers of a worker that died holding this slot
        cgroup = MemoryCgroup.create(uid) if with_cgroup else None
        return Slot(uid=uid, lock_fd=fd, lock_path=path, cgroup=cgroup)
    raise RuntimeError(f"no free sandbox uid in {uid_base}..{uid_base + MAX_SLOTS - 1}")


def _lock_dir() -> str:
    for candidate in LOCK_DIRS:
        try:
            os.makedirs(candidate, mode=0o700, exist_ok=True)
            if os.access(candidate, os.W_OK):
                return candidate
        except OSError:
            continue
    raise RuntimeError("no writable directory for sandbox slot locks")


def _uid_has_account(uid: int) -> bool:
    try:
        pwd.getpwuid(uid)
    except KeyError:
        return False
    return True


def uid_of(pid: int) -> int | None:
    """The real uid of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"Uid:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def pids_of_uid(uid: int) -> list[int]:
    """Every process (host pid) whose real, effective or saved uid is `uid`."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/status", "rb") as f:
                for line in f:
                    if line.startswith(b"Uid:"):
                        if str(uid).encode() in line.split()[1:4]:
                            found.append(int(name))
                        break
        except OSError:
            continue
    return found


def kill_uid(uid: int, *, rounds: int = 20) -> list[int]:
    """SIGKILL everything of `uid` until nothing is left; return what was found."""
    seen: list[int] = []
    for _ in range(rounds):
        pids = pids_of_uid(uid)
        if not pids:
            return seen
        seen += pids
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.005)
    return seen


class MemoryCgroup:
    """One memory cgroup per slot; `procs_fd` is handed to the zygote for children to join."""

    def __init__(self, path: Path, version: int) -> None:
        self.path = path
        self.version = version
        self.procs_fd = os.open(path / "cgroup.procs", os.O_WRONLY | os.O_CLOEXEC)
        self._oom_before = 0

    @classmethod
    def create(cls, uid: int) -> MemoryCgroup | None:
        for version, root in ((1, CGROUP_V1), (2, CGROUP_V2)):
            try:
                if version == 2 and "memory" not in (root / "cgroup.controllers").read_text():
                    continue
                if version == 1 and not (root / "memory.limit_in_bytes").exists():
                    continue
                group = root / CGROUP_GROUP
                group.mkdir(exist_ok=True)
                if version == 2:
                    _write(root / "cgroup.subtree_control", "+memory")
                    _write(group / "cgroup.subtree_control", "+memory")
                path = group / f"slot-{uid}"
                path.mkdir(exist_ok=True)
                return cls(path, version)
            except OSError:
                continue
        return None

    def arm(self, limit_bytes: int) -> None:
        """Set this job's limit and remember the OOM-kill counter it starts from."""
        if self.version == 1:
            # v1 insists memory <= memory+swap at every moment: raise the outer one first.
            names = ["memory.limit_in_bytes", "memory.memsw.limit_in_bytes"]
            current = _read_int(self.path / "memory.limit_in_bytes")
            if current is not None and limit_bytes > current:
                names.reverse()
            for name in names:
                _write(self.path / name, str(limit_bytes), required="memsw" not in name)
            _write(self.path / "memory.max_usage_in_bytes", "0", required=False)
        else:
            _write(self.path / "memory.max", str(limit_bytes))
            _write(self.path / "memory.swap.max", "0", required=False)
        self._oom_before = self.oom_kills()

    def oom_kills(self) -> int:
        name = "memory.oom_control" if self.version == 1 else "memory.events"
        try:
            for line in (self.path / name).read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
        except (OSError, ValueError):
            pass
        return 0

    def usage_bytes(self) -> int:
        name = "memory.usage_in_bytes" if self.version == 1 else "memory.current"
        return _read_int(self.path / name) or 0

    def job_memory_bytes(self) -> tuple[int, int]:
        """(anonymous + shmem, page cache) charged here: what a job's budget pays for, and not.

        usage_bytes also counts the page cache of files first read from inside the slot (a
        job's lazy torch import faults in pages of libtorch that any later reader shares,
        and a busy machine evicts and re-faults them): reclaimable, never a job's memory.
        """
        stat = {}
        try:
            for line in (self.path / "memory.stat").read_text().splitlines():
                key, _, value = line.partition(" ")
                stat[key] = int(value)
        except (OSError, ValueError):
            return self.usage_bytes(), 0
        if self.version == 1:
            return stat.get("rss", 0) + stat.get("shmem", 0), stat.get("cache", 0)
        return stat.get("anon", 0) + stat.get("shmem", 0), stat.get("file", 0)

    def peak_bytes(self) -> int:
        """The cgroup's peak usage since the job was armed (v1; v2: since creation)."""
        name = "memory.max_usage_in_bytes" if self.version == 1 else "memory.peak"
        return _read_int(self.path / name) or 0

    def oom_killed_since_arm(self) -> bool:
        return self.oom_kills() > self._oom_before

    def pids(self) -> list[int]:
        try:
            return [int(p) for p in (self.path / "cgroup.procs").read_text().split()]
        except (OSError, ValueError):
            return []

    def close(self) -> None:
        self.forget()
        try:
            self.path.rmdir()
        except OSError:
            pass  # still busy or already gone; the next owner of this uid reuses it

    def forget(self) -> None:
        try:
            os.close(self.procs_fd)
        except OSError:
            pass


def vmstat_oom_kills() -> int:
    """The kernel's global OOM-kill counter (evidence when no slot cgroup exists)."""
    try:
        with open("/proc/vmstat") as f:
            for line in f:
                if line.startswith("oom_kill "):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _read_int(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _write(path: Path, value: str, *, required: bool = True) -> None:
    try:
        with open(path, "w") as f:
            f.write(value)
    except OSError:
        if required:
            raise
