# expect: error
# ruff: noqa
"""Raw syscalls the allow-list refuses: execve, ptrace, mount, unshare, bpf, io_uring, setns."""
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
SYSCALLS = {"execve": (59, b"/usr/bin/env", 0, 0), "ptrace": (101, 16, 1, 0),
            "mount": (165, b"none", b"/tmp", b"tmpfs"), "unshare": (272, 0x10000000, 0, 0),
            "bpf": (321, 0, 0, 0), "io_uring_setup": (425, 8, 0, 0), "setns": (308, 0, 0, 0),
            "userfaultfd": (323, 0, 0, 0), "perf_event_open": (298, 0, 0, 0),
            "open_by_handle_at": (304, 0, 0, 0)}


def double(x):
    worked = [name for name, args in SYSCALLS.items() if libc.syscall(*args) >= 0]
    if worked:
        return 2 * x
    raise PermissionError("every raw syscall was refused")
