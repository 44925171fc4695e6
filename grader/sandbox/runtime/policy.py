"""The seccomp allow-list for a job's child (x86_64 names; libseccomp resolves per arch).

Default action: EPERM, so a refused call surfaces as a Python exception the learner can
read ("Operation not permitted") instead of a mystery crash. Foreign architectures and
the x32 ABI are killed by libseccomp's architecture check.

Not allowed, on purpose: execve/execveat, fork/vfork (clone without CLONE_THREAD), every
socket call, ptrace and process_vm_*, mount/umount/pivot_root/chroot/unshare/setns and
the new mount API, io_uring, bpf, perf_event_open, userfaultfd, keyctl, open_by_handle_at,
kill/tgkill of anything but itself, ioctls other than a few harmless queries
(TIOCSTI: no typing into a terminal), and prctl options other than a few a runtime uses
(PR_SET_DUMPABLE: a job could make itself dumpable again and read its own
/proc/self/environ, or have the host's core_pattern helper run on its crash).
"""

from __future__ import annotations

import ctypes
import errno
import os
import struct

CLONE_THREAD = 0x00010000
LOW32 = 0xFFFFFFFF
# Stands for the child's pid in the compiled filter (above any pid_max, so never real).
PID_PLACEHOLDER = 0x5EC0_0D1D
BPF_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2

# ioctl requests a Python/numpy/torch process legitimately makes on its own fds.
IOCTLS = {
    "TCGETS": 0x5401,  # isatty()
    "TIOCGWINSZ": 0x5413,  # terminal size queries
    "FIONREAD": 0x541B,
    "FIONBIO": 0x5421,
    "FIONCLEX": 0x5450,
    "FIOCLEX": 0x5451,
}

# prctl options a Python/numpy/torch process makes on itself (strace of a job's work shows
# none; these cover thread naming by OpenMP runtimes and newer Pythons, glibc's naming of
# its mappings, and read-only queries). Every other option answers EPERM.
PRCTLS = {
    "PR_GET_DUMPABLE": 3,
    "PR_SET_NAME": 15,
    "PR_GET_NAME": 16,
    "PR_GET_SECCOMP": 21,
    "PR_CAPBSET_READ": 23,
    "PR_GET_NO_NEW_PRIVS": 39,
    "PR_SET_VMA": 0x53564D41,
}

ALLOWED = """
read write readv writev pread64 pwrite64 preadv pwritev preadv2 pwritev2
open openat openat2 close close_range creat
stat fstat lstat newfstatat statx statfs fstatfs lseek
mmap munmap mprotect mremap madvise msync mincore brk
rt_sigaction rt_sigprocmask rt_sigreturn rt_sigpending rt_sigtimedwait rt_sigsuspend
sigaltstack pause alarm setitimer getitimer
access faccessat faccessat2 pipe pipe2 dup dup2 dup3 fcntl flock fsync fdatasync
ftruncate truncate fallocate getdents getdents64 getcwd chdir fchdir
rename renameat renameat2 mkdir mkdirat rmdir unlink unlinkat link linkat symlink symlinkat
readlink readlinkat chmod fchmod fchmodat umask utime utimes utimensat futimesat
copy_file_range sendfile
getpid getppid gettid getuid geteuid getgid getegid getresuid getresgid getgroups
getpgrp getpgid getsid uname sysinfo getrusage times getrlimit setrlimit prlimit64
gettimeofday clock_gettime clock_getres clock_nanosleep nanosleep time
sched_yield sched_getaffinity sched_setaffinity sched_getparam sched_getscheduler
sched_get_priority_max sched_get_priority_min getpriority getcpu
futex futex_waitv set_robust_list get_robust_list set_tid_address rseq membarrier
exit exit_group wait4 waitid
poll ppoll select pselect6 epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait
epoll_pwait2 eventfd eventfd2 timerfd_create timerfd_settime timerfd_gettime
signalfd signalfd4 getrandom memfd_create arch_prctl capget
""".split()


def build(seccomp, own_pid: int):
    """Return a pyseccomp filter for a child whose pid (in its namespace) is `own_pid`."""
    filt = seccomp.SyscallFilter(seccomp.ERRNO(errno.EPERM))
    for name in ALLOWED:
        _add(filt, seccomp.ALLOW, name)
    # Threads yes, processes no: clone must carry CLONE_THREAD.
    _add(
        filt, seccomp.ALLOW, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, CLONE_THREAD, CLONE_THREAD)
    )
    # clone3 hides its flags in memory seccomp cannot read: ENOSYS makes glibc fall back
    # to clone, which is checked above.
    _add(filt, seccomp.ERRNO(errno.ENOSYS), "clone3")
    # Signals only to itself (pid 0 is its own process group, which holds only itself).
    for pid in (own_pid, 0):
        _add(filt, seccomp.ALLOW, "kill", seccomp.Arg(0, seccomp.EQ, pid))
    _add(filt, seccomp.ALLOW, "tgkill", seccomp.Arg(0, seccomp.EQ, own_pid))
    # The kernel reads an ioctl request as 32 bits: compare only those, so high garbage
    # bits cannot slip TIOCSTI past an exact comparison.
    for request in IOCTLS.values():
        _add(filt, seccomp.ALLOW, "ioctl", seccomp.Arg(1, seccomp.MASKED_EQ, LOW32, request))
    # prctl's option is an int too: the same low-32-bit comparison.
    for option in PRCTLS.values():
        _add(filt, seccomp.ALLOW, "prctl", seccomp.Arg(0, seccomp.MASKED_EQ, LOW32, option))
    return filt


class Compiled:
    """The filter compiled once in the zygote; each child patches in its pid and loads it.

    Compiling with libseccomp costs ~3 ms and loading through it ~2 ms per job; patching
    the few comparisons against PID_PLACEHOLDER and calling prctl costs microseconds.
    """

    def __init__(self, seccomp) -> None:
        read_end, write_end = os.pipe()
        try:
            with os.fdopen(write_end, "wb", closefd=True) as sink:
                build(seccomp, PID_PLACEHOLDER).export_bpf(sink)
            program = b""
            while chunk := os.read(read_end, 1 << 16):
                program += chunk
        finally:
            os.close(read_end)
        if not program or len(program) % 8:
            raise RuntimeError("libseccomp exported no BPF program")
        self.instructions = [
            list(struct.unpack("=HBBI", program[i : i + 8])) for i in range(0, len(program), 8)
        ]
        self.pid_slots = [
            i
            for i, (code, _jt, _jf, k) in enumerate(self.instructions)
            if code == BPF_JEQ_K and k == PID_PLACEHOLDER
        ]
        if len(self.pid_slots) < 2:  # kill and tgkill each compare against the pid
            raise RuntimeError("the compiled filter does not compare against the pid")

    def load(self, pid: int, libc) -> None:
        """Install the filter for `pid` (no_new_privs must already be set)."""
        program = bytearray()
        for index, (code, jt, jf, k) in enumerate(self.instructions):
            if index in self.pid_slots:
                k = pid
            program += struct.pack("=HBBI", code, jt, jf, k)
        buffer = ctypes.create_string_buffer(bytes(program), len(program))
        prog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
        if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"seccomp filter refused: {os.strerror(err)}")


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _add(filt, action, name: str, *args) -> None:
    try:
        filt.add_rule(action, name, *args)
    except (OSError, ValueError, RuntimeError):
        # A name this architecture does not have (e.g. "open" on arm64): nothing to allow.
        pass
