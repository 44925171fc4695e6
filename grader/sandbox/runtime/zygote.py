"""The fork server ("zygote"): one per grading worker process, one forked child per job.

Started by grader/sandbox/host.py with an empty environment, inside bubblewrap (or, in
the unsafe development mode, as a plain subprocess). It imports numpy and torch once so
that a job costs a fork, not a 1-2 s import, and it never runs a torch op: a process that
ran a multi-threaded op leaves children that hang after fork. It compiles the seccomp
filter once and joins the slot's memory cgroup once, then keeps one "spare" child forked
ahead of time (past the job-independent layers), which becomes the next job's process.
Each spare is pid 2 of a pid namespace of its own (confine.new_pid_namespace), so no job
reads what an earlier one did to the pid counter.

Control channel: a SOCK_SEQPACKET socket (fd in the config), one JSON message each way.
    host -> zygote  {"op": "run", "id", "job": {...}} + fds [input memfd, stdout w, results w]
                    {"op": "kill", "id"}
    zygote -> host  {"op": "ready", "pid", "vmsize_kb", "threads"}
                    {"op": "exit", "id", "status", "cpu_ms", "maxrss_kb", "confined"}
The zygote reports; the host decides. A job child that fails to confine itself exits
before learner code and "confined" is false.
"""

from __future__ import annotations

import array
import fcntl
import json
import os
import select
import shutil
import signal
import socket
import sys
import tempfile

CONFINE_FAILED = 121
MADV_HUGEPAGE, MADV_COLLAPSE = 14, 25
# Modules numpy and torch import lazily on first use (autograd.grad pulls in sympy through
# symbolic_shapes: ~0.4 s). Importing them here runs no torch op, and saves every job that.
WARM_IMPORTS = (
    "numpy.random",
    "numpy.linalg",
    "numpy.fft",
    "torch.nn",
    "torch.nn.functional",
    "torch.overrides",
    "torch.utils._python_dispatch",
    "torch.fx.experimental.symbolic_shapes",
    "torch._subclasses.schema_check_mode",
    "torch.func",
)
MAX_MESSAGE = 1 << 16


def main() -> None:
    config = json.loads(sys.argv[1])
    for path in config["paths"]:
        sys.path.append(path)
    _pin_libraries(config.get("libraries", {}))
    import importlib

    import numpy  # noqa: F401 - warm import, inherited by every job

    for name in WARM_IMPORTS:
        try:
            importlib.import_module(name)  # imported, never run
        except ImportError:
            continue
    import author  # noqa: F401
    import confine
    import harness  # noqa: F401
    import hooks  # noqa: F401
    import invoke  # noqa: F401
    import lesson
    import wire  # noqa: F401

    lesson.warm()  # Matplotlib (Agg) and pandas for lesson code: see docs/sandbox.md

    if config["confine"]:
        confine.compile_filter()
    else:
        # Unsafe mode isolates nothing, but a development machine still deserves a seatbelt:
        # with the filter, learner code cannot fork, exec, open sockets or kill(-1) the
        # developer's session (running as root, that takes every process down with it).
        try:
            confine.compile_filter()
        except Exception as exc:  # noqa: BLE001 - no libseccomp: run without the seatbelt
            print(f"sandbox (unsafe mode): no seccomp filter: {exc!r}", file=sys.stderr)
    _settle_memory()  # before joining the cgroup: the huge pages it makes stay charged here
    cgroup_fd = config.get("cgroup_fd")
    if cgroup_fd is not None:
        # The zygote joins the slot's memory cgroup once, after its imports (so their pages
        # stay charged where they were): children are born inside it, and no job pays for
        # a migration between cgroups (~10 ms of RCU synchronisation each).
        os.write(cgroup_fd, b"0")
        os.close(cgroup_fd)

    ctl = socket.socket(fileno=config["control_fd"])
    ctl.setblocking(True)
    _send(
        ctl,
        {
            "op": "ready",
            "pid": os.getpid(),
            "vmsize_kb": _status("VmSize"),
            "threads": _status("Threads"),
            "proc1_environ": _peek("/proc/1/environ"),
        },
    )
    spare = _Spare(config, ctl.fileno())
    try:
        while True:
            message, fds = _receive(ctl)
            if message is None or message.get("op") == "quit":
                return
            if message.get("op") == "run" and len(fds) == 3:
                spare = _run(ctl, message, fds, config, spare)
            else:
                for fd in fds:
                    os.close(fd)
    finally:
        spare.discard()


class _Spare:
    """A child forked ahead of the next job, already past `confine.detach`.

    Forking a 250 MiB zygote and entering new namespaces is most of a job's cost; the spare
    pays it while the worker is busy judging, so a job only waits for its own layers.
    """

    def __init__(self, config: dict, ctl_fd: int) -> None:
        zygote_end, spare_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.ack_r, ack_w = os.pipe()
        self.scratch = None if config["confine"] else tempfile.mkdtemp(prefix="grader-job-")
        self.holder = 0
        if config.get("pid_namespace"):
            import confine

            self.holder = confine.new_pid_namespace(keep_fds=(ctl_fd,))
        self.pid = os.fork()
        if self.pid == 0:
            _spare_main(config, ctl_fd, zygote_end, spare_end, self.ack_r, ack_w, self.scratch)
        spare_end.close()
        os.close(ack_w)
        self.sock = zygote_end

    def hand_over(self, job: dict, fds: list[int]) -> bool:
        try:
            self.sock.sendmsg(
                [json.dumps({"job": job}).encode()],
                [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))],
            )
            return True
        except OSError:
            return False  # it died waiting: it can only have failed to detach
        finally:
            self.sock.close()

    def confined(self) -> bool:
        import confine

        return confine.read_ack(self.ack_r)

    def discard(self) -> None:
        """Kill and reap an unused spare and drop what it held."""
        self.sock.close()
        _kill(self.pid)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        self.cleanup()

    def cleanup(self) -> None:
        os.close(self.ack_r)
        if self.holder:
            # Pid 1 of the job's namespace: its death ends the namespace (and anything left).
            try:
                os.kill(self.holder, signal.SIGKILL)
                os.waitpid(self.holder, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if self.scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)


def _spare_main(config, ctl_fd, zygote_end, spare_end, ack_r, ack_w, scratch) -> None:
    """The spare until its job arrives; then the job's process. Never returns."""
    try:
        os.close(ctl_fd)  # only the zygote talks to the host (and sees the channel close)
        zygote_end.close()
        os.close(ack_r)
        import confine

        confine.detach(config)
        message, fds = _receive(spare_end)
        if message is None or len(fds) != 3:
            os._exit(0)  # the zygote is gone or discarded this spare
    except BaseException as exc:  # noqa: BLE001 - any failure: exit before learner code
        try:
            os.write(2, f"sandbox: a spare failed to detach: {exc!r}\n".encode()[:500])
        finally:
            os._exit(CONFINE_FAILED)
    _child(message["job"], fds, ack_w, config, scratch)


def _run(ctl: socket.socket, message: dict, fds: list[int], config: dict, spare: _Spare):
    """Hand the job to the spare, wait for it, report; return the next spare."""
    if not spare.hand_over(message["job"], fds):
        spare.discard()
        spare = _Spare(config, ctl.fileno())
        spare.hand_over(message["job"], fds)  # if this fails too, the report says unconfined
    for fd in fds:
        os.close(fd)
    pidfd = os.pidfd_open(spare.pid)
    status, usage = _wait(ctl, spare.pid, pidfd)
    os.close(pidfd)
    confined = spare.confined()
    _send(
        ctl,
        {
            "op": "exit",
            "id": message["id"],
            "status": status,
            "confined": confined,
            "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000.0,
            "maxrss_kb": usage.ru_maxrss,
        },
    )
    spare.cleanup()  # after the report: ending the pid namespace is off the job's clock
    return _Spare(config, ctl.fileno())


def _wait(ctl: socket.socket, pid: int, pidfd: int):
    poller = select.poll()
    poller.register(ctl.fileno(), select.POLLIN)
    poller.register(pidfd, select.POLLIN)
    while True:
        for fd, _event in poller.poll():
            if fd == pidfd:
                _pid, status, usage = os.wait4(pid, 0)
                return status, usage
            message, extra = _receive(ctl)
            for stray in extra:
                os.close(stray)
            if message is None or message.get("op") in ("kill", "quit"):
                _kill(pid)
                if message is None:
                    poller.unregister(ctl.fileno())


def _kill(pid: int) -> None:
    # The child leads its own process group once it ran setsid; before that, only itself.
    for target in (-pid, pid):
        try:
            os.kill(target, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _child(job: dict, fds: list[int], ack_w: int, config: dict, scratch: str | None) -> None:
    """The job's process from fork to exit. Never returns."""
    try:
        input_fd, out_fd, result_fd = fds
        data = _read_all(input_fd)
        _arrange_fds(out_fd, result_fd, ack_w)  # closes every other inherited fd
        import confine

        confine.enter(job, config, scratch)
        os.write(confine.ACK_FD, b"1")
        os.close(confine.ACK_FD)
    except BaseException as exc:  # noqa: BLE001 - any failure: exit before learner code
        try:
            os.write(2, f"sandbox: confinement failed: {exc!r}\n".encode()[:500])
        finally:
            os._exit(CONFINE_FAILED)
    try:
        _run_learner(job, data)
    finally:
        os._exit(0)


def _run_learner(job: dict, data: bytes) -> None:
    import harness
    import hooks
    import wire

    frames, offset = [], 0
    while offset < len(data):
        _header, _payload, used = wire.read_frame(data[offset:], harness.INPUT_LIMITS)
        frames.append(bytes(data[offset : offset + used]))
        offset += used
    meta = wire.decode(frames[0], harness.INPUT_LIMITS)
    del data
    if meta.get("lesson"):
        import lesson

        lesson.run(meta)  # a lesson code block: no cases, no forbidden names
    if meta.get("probe"):
        import probe

        probe.run(meta, frames[1:])
    if meta.get("author"):
        import author  # an exercise's own code: see runtime/author.py

        author.run(meta, frames[1:])
    hits = hooks.install(list(meta.get("forbidden", [])))
    harness.run_job(meta, frames[1:], hits)


def _arrange_fds(out_fd: int, result_fd: int, ack_w: int) -> None:
    """Leave exactly 0 (/dev/null), 1 and 2 (output), 3 (results) and 4 (ack) open."""
    null = os.open(os.devnull, os.O_RDONLY)
    # Move the sources clear of 0-4 first, so no dup2 below overwrites one of them.
    moved = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (null, out_fd, result_fd, ack_w)]
    for index, target in enumerate((0, 1, 3, 4)):
        os.dup2(moved[index], target)
    os.dup2(1, 2)
    os.closerange(5, _max_fd())


def _max_fd() -> int:
    return max(int(name) for name in os.listdir("/proc/self/fd")) + 1


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _send(ctl: socket.socket, message: dict) -> None:
    ctl.sendmsg([json.dumps(message).encode()])


def _receive(ctl: socket.socket):
    fds = array.array("i")
    try:
        data, ancillary, _flags, _addr = ctl.recvmsg(MAX_MESSAGE, socket.CMSG_SPACE(16 * 4))
    except ConnectionError:
        return None, []
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(payload[: len(payload) - len(payload) % fds.itemsize])
    if not data:
        for fd in fds:
            os.close(fd)
        return None, []
    return json.loads(data), list(fds)


def _status(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _settle_memory() -> None:
    """Make the warm zygote cheap to fork, once, before the first child.

    gc.freeze: a child's collections skip every object the zygote made, instead of
    touching (and so copying) all of their pages. MADV_COLLAPSE: the ~170 MiB of heap and
    anonymous memory torch's import leaves become 2 MiB pages, so fork copies a few
    hundred page-table entries instead of ~45,000 and exit frees as few: fork to exit
    drops from ~17 ms to ~4 ms. A child's first write to a huge page copies just its 4 KiB.
    Best effort: without transparent huge pages the zygote only forks more slowly.
    """
    import ctypes
    import gc

    gc.collect()
    gc.freeze()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    huge = 1 << 21
    try:
        with open("/proc/self/maps") as maps:
            regions = [line.split() for line in maps]
    except OSError:
        return
    for fields in regions:
        name = fields[5] if len(fields) > 5 else ""
        if name not in ("", "[heap]") or not fields[1].startswith("rw"):
            continue
        start, end = (int(value, 16) for value in fields[0].split("-"))
        start, end = (start + huge - 1) & ~(huge - 1), end & ~(huge - 1)
        if end - start >= huge:
            libc.madvise(start, end - start, MADV_HUGEPAGE)
            libc.madvise(start, end - start, MADV_COLLAPSE)


def _peek(path: str) -> str:
    # Read as the zygote (root): what pid 1 of the sandbox started with, for the self-test.
    try:
        with open(path, "rb") as f:
            return f.read(4096).decode("utf-8", "replace")
    except OSError as exc:
        return f"(unreadable: {exc.strerror})"


def _pin_libraries(libraries: dict) -> None:
    # pyseccomp finds libseccomp through ctypes.util.find_library, which would run
    # /sbin/ldconfig; the host resolved the names already, so no program is ever run here.
    if libraries:
        import ctypes.util

        ctypes.util.find_library = lambda name: libraries.get(name)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the worker, not here
    main()
