"""What the zygote sees: the command line that starts it, with or without bubblewrap.

Confined: bubblewrap with its own pid/net/ipc/uts namespaces, read-only /usr, the Python
runtime at /opt/python, the site-packages that hold numpy and torch at /opt/site-N and
grader/sandbox/runtime at /sandbox. Nothing else of the host: no project tree, no /root,
no /home, no database, no /etc, no /sys. The environment is empty apart from the
variables listed in `zygote_environment` (nothing of the worker's).
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

RUNTIME_DIR = Path(__file__).resolve().parent / "runtime"
REPO_ROOT = Path(__file__).resolve().parents[2]
INSIDE_PYTHON = "/opt/python"
INSIDE_RUNTIME = "/sandbox"
# Mount parents bwrap would otherwise create 0700 (unreadable for the slot uid).
MOUNT_PARENTS = ("/opt",)
ZYGOTE_CAPS = ("CAP_SYS_ADMIN", "CAP_SETUID", "CAP_SETGID", "CAP_KILL")
WARM_PACKAGES = ("numpy", "torch", "pyseccomp", "matplotlib", "pandas")


@dataclass(frozen=True)
class Layout:
    argv: list[str]
    env: dict[str, str]
    confined: bool


def bwrap_path() -> str | None:
    return shutil.which("bwrap", path="/usr/bin:/usr/local/bin:/bin")


def zygote_environment(threads: int, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The zygote's whole environment: thread caps and small stacks, nothing secret.

    These must be set before numpy and torch load (OpenMP and OpenBLAS read them once).
    OpenBLAS stays single-threaded: its pool starts at import, and threads do not survive
    fork. OMP_THREAD_LIMIT makes `torch.set_num_threads(8)` a request the runtime clamps,
    never a failed thread creation under RLIMIT_NPROC/RLIMIT_AS.
    """
    n = str(max(1, int(threads)))
    env = {
        "OMP_NUM_THREADS": n,
        "OMP_THREAD_LIMIT": n,
        "MKL_NUM_THREADS": n,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_STACKSIZE": "2M",
        "MALLOC_ARENA_MAX": "2",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    env.update(extra or {})
    return env


def _package_dirs() -> list[str]:
    dirs = []
    for name in WARM_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        origin = Path(spec.origin)
        top = origin.parent.parent if origin.name == "__init__.py" else origin.parent
        if str(top) not in dirs:
            dirs.append(str(top))
    return dirs


def _libraries() -> dict[str, str]:
    found = {name: ctypes.util.find_library(name) for name in ("c", "seccomp")}
    return {name: path for name, path in found.items() if path}


SCRATCH_MB = 32
SCRATCH_INODES = 512


def build(
    *, confined: bool, uid: int, threads: int, control_fd: int, cgroup_fd: int | None
) -> Layout:
    """Return the command that starts a zygote and the environment it starts with."""
    config = {
        "confine": confined,
        # Each job in a pid namespace of its own (needs the zygote's CAP_SYS_ADMIN).
        "pid_namespace": confined,
        "uid": uid,
        "threads": threads,
        "control_fd": control_fd,
        "cgroup_fd": cgroup_fd,
        "libraries": _libraries(),
        "scratch_mb": SCRATCH_MB,
        "scratch_inodes": SCRATCH_INODES,
    }
    python = os.path.realpath(sys.executable)
    if not confined:
        config["paths"] = [str(RUNTIME_DIR), *_package_dirs()]
        env = zygote_environment(threads)
        config["env_keep"] = sorted(env)
        argv = [python, "-I", "-S", "-B", str(RUNTIME_DIR / "zygote.py"), json.dumps(config)]
        return Layout(argv=argv, env=env, confined=False)

    bwrap = bwrap_path()
    if bwrap is None:
        raise FileNotFoundError("bubblewrap (bwrap) is not installed")
    args = [
        bwrap,
        "--die-with-parent",
        "--new-session",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
        "--hostname",
        "sandbox",
        "--cap-drop",
        "ALL",
    ]
    for cap in ZYGOTE_CAPS:
        args += ["--cap-add", cap]
    args += ["--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for parent in MOUNT_PARENTS:
        args += ["--perms", "0755", "--dir", parent]

    base = os.path.realpath(sys.base_prefix)
    inside = _Mapper(base)
    env_extra: dict[str, str] = {}
    if inside.python_is_mounted:
        args += ["--ro-bind", base, INSIDE_PYTHON]
        if os.path.isdir(os.path.join(base, "lib")):
            # The interpreter's RUNPATH names the host path of libpython.
            env_extra["LD_LIBRARY_PATH"] = f"{INSIDE_PYTHON}/lib"
    paths = [INSIDE_RUNTIME]
    for index, host_dir in enumerate(_package_dirs()):
        mapped = inside.map(host_dir)
        if mapped is None:
            mapped = f"/opt/site-{index}"
            args += ["--ro-bind", host_dir, mapped]
        paths.append(mapped)
    config["paths"] = paths
    args += [
        "--ro-bind",
        str(RUNTIME_DIR),
        INSIDE_RUNTIME,
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--perms",
        "0755",
        "--tmpfs",
        "/tmp",
        "--chdir",
        "/tmp",
    ]
    env = zygote_environment(threads, env_extra)
    config["env_keep"] = sorted(env)
    for key, value in env.items():
        args += ["--setenv", key, value]
    exe = inside.map(python) or python
    args += ["--", exe, "-I", "-S", "-B", f"{INSIDE_RUNTIME}/zygote.py", json.dumps(config)]
    # bwrap itself starts with an empty environment (/proc/1/environ inside is empty).
    return Layout(argv=args, env={}, confined=True)


class _Mapper:
    """Host path -> path inside the sandbox, for the Python runtime's files."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.python_is_mounted = not (base == "/usr" or base.startswith("/usr/"))

    def map(self, host_path: str) -> str | None:
        host_path = os.path.realpath(host_path)
        if host_path == "/usr" or host_path.startswith("/usr/"):
            return host_path
        if self.python_is_mounted and (
            host_path == self.base or host_path.startswith(self.base + "/")
        ):
            return INSIDE_PYTHON + host_path[len(self.base) :]
        return None
