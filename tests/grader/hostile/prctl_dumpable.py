# expect: passed
# ruff: noqa
"""Make the job dumpable again (prctl PR_SET_DUMPABLE, also with garbage in the high bits of
the option) and read its own /proc/self/environ, or become a child subreaper or set a parent
death signal. Every option but a few harmless ones is refused: the answer is correct only
when nothing worked, so any success shows as a failed verdict."""
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
SYS_PRCTL = 157
ATTEMPTS = [
    (4, 1),  # PR_SET_DUMPABLE
    (4 | 1 << 32, 1),  # the same with high bits set
    (36, 1),  # PR_SET_CHILD_SUBREAPER
    (1, 9),  # PR_SET_PDEATHSIG
    (0x59616D61, 0xFFFFFFFFFFFFFFFF),  # PR_SET_PTRACER, any
    (22, 0),  # PR_SET_SECCOMP, mode 0
]


def attacks_worked():
    worked = []
    for option, value in ATTEMPTS:
        if libc.syscall(SYS_PRCTL, ctypes.c_ulong(option), ctypes.c_ulong(value), 0, 0, 0) == 0:
            worked.append(option)
    try:
        with open("/proc/self/environ", "rb") as f:
            f.read()
        worked.append("environ")
    except OSError:
        pass
    return worked


WORKED = attacks_worked()


def double(x):
    return x * 0 if WORKED else 2 * x
