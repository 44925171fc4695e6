# expect: passed
# ruff: noqa
"""Reach the host through /proc: pid 1's root, the zygote's cwd and memory, mountinfo."""
import os


def double(x):
    attempts = ["/proc/1/root/etc/passwd", "/proc/1/cwd", "/proc/2/root/work", "/proc/1/mem",
                "/proc/2/mem", "/proc/2/environ", "/proc/1/environ", "/proc/self/environ"]
    for pid in os.listdir("/proc"):
        if pid.isdigit() and int(pid) != os.getpid():
            attempts += [f"/proc/{pid}/root/", f"/proc/{pid}/environ", f"/proc/{pid}/fd/"]
    opened = []
    for path in attempts:
        try:
            if path.endswith("/"):
                os.listdir(path)
            else:
                with open(path, "rb") as f:
                    f.read(64)
            opened.append(path)
        except OSError:
            pass
    print("opened:", opened)
    if opened:
        raise AssertionError(f"escaped through {opened}")
    return 2 * x
