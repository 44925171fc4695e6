"""Confine a freshly forked job child, innermost layers of docs/sandbox.md, in order.

Runs as the zygote's root (inside bubblewrap, with only CAP_SYS_ADMIN, CAP_SETUID,
CAP_SETGID and CAP_KILL) and ends as the slot's uid with no capabilities, no new
privileges and a seccomp filter. Any failure here aborts the child before learner code
runs; the zygote then reports the job as not confined and the trusted side refuses it.
"""

from __future__ import annotations

import ctypes
import io
import math
import os
import resource
import shutil
import signal
import sys

CLONE_NEWNS, CLONE_NEWNET, CLONE_NEWIPC = 0x00020000, 0x40000000, 0x08000000
CLONE_NEWPID = 0x20000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 2, 4, 8, 16384, 1 << 18
MS_RDONLY, MS_REMOUNT, MS_BIND = 1, 32, 4096
PR_SET_NO_NEW_PRIVS = 38
RESULT_FD, ACK_FD = 3, 4
MIB = 1 << 20
# Address space beyond the zygote's own and the memory budget: lazy imports (torch loads
# modules on first use), thread stacks and glibc arenas are virtual reservations.
AS_HEADROOM = 256 * MIB
FILE_LIMIT = 16 * MIB
OPEN_FILES = 64
# RLIMIT_NPROC counts every thread of the slot uid: the capped OpenMP pool, torch's
# inter-op pool and the learner's own threads all fit; fork is refused by seccomp anyway.
THREADS_PER_UID = 64

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def detach(config: dict) -> None:
    """The layers that do not depend on the job: done by a spare child before one arrives.

    Own session and process group; private mount, network and IPC namespaces; the scratch
    tmpfs on /tmp; a /proc of the job's own pid namespace; first in line for the OOM killer.
    """
    os.setsid()
    if config["confine"]:
        _private_namespaces(config)
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")


_zygote_pid_ns = -1
_holder_program: str | None = None


def new_pid_namespace(keep_fds: tuple[int, ...] = ()) -> int:
    """In the zygote, before each spare: the next child forked is pid 2 of a new namespace.

    Pids are a counter a job can move (every thread takes one) and the next job can read
    (its own pid and thread ids): a channel between two learners' jobs. In a namespace of
    its own, every job starts from the same numbers. Pid 1 of the namespace is a holder
    that only sleeps, so that the job is not the namespace's init: the kernel spares an
    init every signal it has no handler for (SIGXCPU, SIGXFSZ, a job's own SIGKILL would be
    ignored). The job stays the zygote's child, which reaps it as before; killing the
    holder ends the namespace and anything left in it. unshare(CLONE_NEWPID) works once
    per namespace the children go to, so the zygote first steps back into its own.
    Returns the holder's pid (the zygote kills and reaps it after the job).
    """
    global _zygote_pid_ns, _holder_program
    if _zygote_pid_ns < 0:
        _zygote_pid_ns = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)
        _holder_program = shutil.which("sleep", path="/usr/bin:/bin")
    _check(_libc.setns(_zygote_pid_ns, CLONE_NEWPID), "setns to the zygote's pid namespace")
    _check(_libc.unshare(CLONE_NEWPID), "unshare a pid namespace")
    if _holder_program:
        # posix_spawn (vfork + exec) costs a fraction of forking the 250 MiB zygote.
        closes = [(os.POSIX_SPAWN_CLOSE, fd) for fd in keep_fds]
        return os.posix_spawn(_holder_program, ["sleep", "infinity"], {}, file_actions=closes)
    holder = os.fork()
    if holder == 0:
        try:
            os.closerange(0, 1 << 16)
            while True:
                signal.pause()
        finally:
            os._exit(0)
    return holder


def enter(job: dict, config: dict, scratch: str | None) -> None:
    """Apply the job's layers, after `detach`; raise on the first that fails."""
    limits = job["limits"]
    confined = config["confine"]
    _rlimits(limits, confined)
    # Python starts with SIGXFSZ ignored; restored, a file past RLIMIT_FSIZE ends the job
    # with a signal the host can tell apart (output_limit) instead of an OSError.
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    home = "/tmp" if confined else scratch
    _redirect_stdio()
    if confined:
        uid = config["uid"]
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    os.chdir(home)
    _environment(home, config)
    wanted = max(1, int(limits.get("threads", 1)))
    if wanted < int(config["threads"]) and "torch" in sys.modules:
        # The zygote's OMP_THREAD_LIMIT is the hard cap; a job may ask for fewer.
        sys.modules["torch"].set_num_threads(wanted)
    if confined and _compiled is None:
        raise RuntimeError("the seccomp filter was not compiled in the zygote")
    if _compiled is not None:
        _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
        _compiled.load(os.getpid(), _libc)


_compiled = None


def compile_filter() -> None:
    """In the zygote, once: compile the seccomp filter every child loads."""
    global _compiled
    import policy
    import pyseccomp

    _compiled = policy.Compiled(pyseccomp)


def read_ack(ack_r: int) -> bool:
    """In the zygote, after a job ended: did it write "1" once confined?"""
    os.set_blocking(ack_r, False)
    try:
        return os.read(ack_r, 1) == b"1"
    except BlockingIOError:
        return False


def _private_namespaces(config: dict) -> None:
    _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC), "unshare")
    _check(_libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "make / private")
    uid = config["uid"]
    size = int(config["scratch_mb"]) * MIB
    options = f"size={size},nr_inodes={int(config['scratch_inodes'])},mode=0700,uid={uid},gid={uid}"
    _check(
        _libc.mount(
            b"tmpfs", b"/tmp", b"tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, options.encode()
        ),
        "mount scratch tmpfs",
    )
    if config.get("pid_namespace"):
        # The /proc of the job's own pid namespace: the job sees itself and the namespace's
        # holder (pid 1), never the zygote's pids. Read-only where bubblewrap made it so.
        flags = MS_NOSUID | MS_NODEV | MS_NOEXEC
        _check(_libc.mount(b"proc", b"/proc", b"proc", flags, None), "mount /proc")
        for path in (b"/proc/sys", b"/proc/sysrq-trigger", b"/proc/irq", b"/proc/bus"):
            if os.path.exists(path):
                _check(_libc.mount(path, path, None, MS_BIND | MS_REC, None), "bind /proc")
                remount = MS_BIND | MS_REMOUNT | MS_RDONLY | flags
                _check(_libc.mount(None, path, None, remount, None), "read-only /proc")


def _vmsize() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")


def _rlimits(limits: dict, confined: bool) -> None:
    cpu = max(1, math.ceil(float(limits["cpu_seconds"])))
    # Soft then hard: SIGXCPU first, and SIGKILL one second later for code that ignores it.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    address_space = _vmsize() + int(limits["memory_mb"]) * MIB + AS_HEADROOM
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))
    resource.setrlimit(resource.RLIMIT_NOFILE, (OPEN_FILES, OPEN_FILES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if confined:
        resource.setrlimit(resource.RLIMIT_NPROC, (THREADS_PER_UID, THREADS_PER_UID))


def _redirect_stdio() -> None:
    # Unbuffered text streams: what was printed before a kill still reaches the reader.
    for fd, name in ((1, "stdout"), (2, "stderr")):
        stream = io.TextIOWrapper(
            io.FileIO(fd, "w", closefd=False),
            encoding="utf-8",
            errors="backslashreplace",
            line_buffering=True,
            write_through=True,
        )
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)
    sys.stdin = sys.__stdin__ = io.TextIOWrapper(io.FileIO(0, "r", closefd=False))


def _environment(home: str, config: dict) -> None:
    keep = {k: os.environ[k] for k in config["env_keep"] if k in os.environ}
    os.environ.clear()
    os.environ.update(keep)
    os.environ.update(
        {
            "HOME": home,
            "TMPDIR": home,
            "TORCH_HOME": f"{home}/.torch",
            "XDG_CACHE_HOME": f"{home}/.cache",
            "TORCHINDUCTOR_CACHE_DIR": f"{home}/.inductor",
            "PWD": home,
        }
    )
