"""The self-test probe: runs in a real job child, after full confinement, instead of a job.

Each check tries what learner code would try and records whether the sandbox held. The
report goes back as one wire frame; the host turns it into `Check`s and refuses to run
jobs if any failed. Trusted code (no learner code ever runs in a probe child).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import resource
import socket

import wire

RESULT_FD = 3
TIOCSTI = 0x5412
CLONE_NEWUSER = 0x10000000
PR_GET_DUMPABLE, PR_SET_DUMPABLE = 3, 4
SYS_PRCTL = 157  # x86_64


def run(meta: dict, _frames: list) -> None:
    checks: list[list] = []

    def check(name: str, test) -> None:
        try:
            ok, detail = test()
        except BaseException as exc:  # noqa: BLE001 - a crashing check is a failed check
            ok, detail = False, f"raised {type(exc).__name__}: {exc}"
        checks.append([name, bool(ok), str(detail)[:300]])

    status = _status()
    check(
        "no capabilities (CapEff and CapPrm 0)",
        lambda: (
            int(status["CapEff"], 16) == 0 and int(status["CapPrm"], 16) == 0,
            f"CapEff {status['CapEff']} CapPrm {status['CapPrm']}",
        ),
    )
    check("no_new_privs is set", lambda: (status["NoNewPrivs"] == "1", status["NoNewPrivs"]))
    check("seccomp filter active (mode 2)", lambda: (status["Seccomp"] == "2", status["Seccomp"]))
    check(
        "runs as the slot uid, no groups",
        lambda: (
            os.getresuid() == (meta["uid"],) * 3 and os.getgroups() == [],
            f"uids {os.getresuid()} groups {os.getgroups()}",
        ),
    )
    for family, name in (
        (socket.AF_INET, "inet"),
        (socket.AF_INET6, "inet6"),
        (socket.AF_UNIX, "unix"),
        (socket.AF_NETLINK, "netlink"),
    ):
        check(f"socket({name}) fails", lambda f=family: _fails(lambda: socket.socket(f)))
    check("fork() fails", lambda: _fails(os.fork))
    check("execve() fails", lambda: _fails(lambda: os.execv("/usr/bin/true", ["true"])))
    libc = ctypes.CDLL(None, use_errno=True)
    check("unshare(CLONE_NEWUSER) fails", lambda: _c_fails(libc.unshare(CLONE_NEWUSER)))
    check("ptrace(PTRACE_TRACEME) fails", lambda: _c_fails(libc.ptrace(0, 0, None, None)))
    check("TIOCSTI ioctl fails", lambda: _fails(lambda: fcntl.ioctl(0, TIOCSTI, b"x")))
    check("cannot signal pid 1", lambda: _fails(lambda: os.kill(1, 0)))
    check(
        "prctl(PR_SET_DUMPABLE, 1) fails and the job stays undumpable",
        lambda: _undumpable(libc),
    )
    for path in meta.get("absent", []):
        check(
            f"{path} is absent",
            lambda p=path: (not os.path.lexists(p), "present" if os.path.lexists(p) else "absent"),
        )
    check("only fds 0-3 are open", lambda: (_open_fds() == [0, 1, 2, 3], str(_open_fds())))
    check("scratch is a private, empty, capped tmpfs as cwd and HOME", _scratch)
    check(
        "oom_score_adj is 1000",
        lambda: (
            _read("/proc/self/oom_score_adj").strip() == "1000",
            _read("/proc/self/oom_score_adj").strip(),
        ),
    )
    check("rlimits set (CPU, AS, FSIZE, NOFILE, NPROC, CORE)", _rlimits)
    check("lazy torch imports work (vmap, broadcast_shapes, function mode)", _lazy_torch)
    check("torch.set_num_threads(4) is harmless", _threads)
    report = {
        "checks": checks,
        "proc1_environ": _peek("/proc/1/environ"),
        "self_environ": _peek("/proc/self/environ"),
    }
    data = wire.encode(report)
    view = memoryview(data)
    while view:
        view = view[os.write(RESULT_FD, view) :]
    os._exit(0)


def _fails(action) -> tuple[bool, str]:
    try:
        action()
    except OSError as exc:
        return True, f"refused: {errno.errorcode.get(exc.errno, exc.errno)}"
    return False, "it worked"


def _undumpable(libc) -> tuple[bool, str]:
    refused, detail = _c_fails(libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0))
    # With high garbage bits too: the kernel reads the option as a 32-bit int.
    # (the raw syscall: glibc's wrapper would truncate the option to an int first).
    option = ctypes.c_ulong(PR_SET_DUMPABLE | 1 << 32)
    high, _ = _c_fails(libc.syscall(SYS_PRCTL, option, ctypes.c_ulong(1), 0, 0, 0))
    dumpable = libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
    environ = _peek("/proc/self/environ")
    ok = refused and high and dumpable == 0 and environ.startswith("(unreadable")
    return ok, f"set: {detail}; with high bits refused: {high}; dumpable {dumpable}; {environ}"


def _c_fails(result: int) -> tuple[bool, str]:
    err = ctypes.get_errno()
    return result != 0, f"returned {result}, errno {errno.errorcode.get(err, err)}"


def _status() -> dict:
    fields = {}
    for line in _read("/proc/self/status").splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


def _read(path: str) -> str:
    with open(path) as f:
        return f.read()


def _peek(path: str) -> str:
    try:
        with open(path, "rb") as f:
            return f.read(1 << 16).decode("utf-8", "replace")
    except OSError as exc:
        return f"(unreadable: {errno.errorcode.get(exc.errno, exc.errno)})"


def _open_fds() -> list[int]:
    fds = sorted(int(n) for n in os.listdir("/proc/self/fd"))
    return [fd for fd in fds if os.path.exists(f"/proc/self/fd/{fd}")]


def _scratch() -> tuple[bool, str]:
    cwd = os.getcwd()
    stat = os.statvfs(cwd)
    size_mb = stat.f_blocks * stat.f_frsize / (1 << 20)
    with open("probe-write", "w") as f:
        f.write("x")
    os.unlink("probe-write")
    entries = os.listdir(cwd)
    ok = cwd == os.environ.get("HOME") and entries == [] and 0 < size_mb <= 256
    return ok, f"cwd {cwd}, HOME {os.environ.get('HOME')}, {size_mb:.0f} MiB, entries {entries}"


def _rlimits() -> tuple[bool, str]:
    names = ("RLIMIT_CPU", "RLIMIT_AS", "RLIMIT_FSIZE", "RLIMIT_NOFILE", "RLIMIT_NPROC")
    values = {n: resource.getrlimit(getattr(resource, n)) for n in names}
    core = resource.getrlimit(resource.RLIMIT_CORE)
    ok = all(hard != resource.RLIM_INFINITY for _soft, hard in values.values()) and core == (0, 0)
    return ok, ", ".join(f"{n[7:]}={v[1]}" for n, v in values.items()) + f", CORE={core}"


def _lazy_torch() -> tuple[bool, str]:
    import torch
    from torch.overrides import TorchFunctionMode

    class Passthrough(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            return func(*args, **(kwargs or {}))

    doubled = torch.vmap(lambda t: t * 2)(torch.ones(3, 2))
    shape = torch.broadcast_shapes((1, 2), (3, 1))
    with Passthrough():
        total = float((torch.ones(2) + 1).sum())
    import torch.distributions  # noqa: F401 - not preloaded by the zygote: read from disk

    ok = float(doubled.sum()) == 12.0 and tuple(shape) == (3, 2) and total == 4.0
    return ok, f"vmap sum {float(doubled.sum())}, broadcast {tuple(shape)}, mode {total}"


def _threads() -> tuple[bool, str]:
    import torch

    torch.set_num_threads(4)
    product = torch.ones(256, 256) @ torch.ones(256, 256)
    return float(product[0, 0]) == 256.0, f"get_num_threads() = {torch.get_num_threads()}"
