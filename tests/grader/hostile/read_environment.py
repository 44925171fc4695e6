# expect: passed
# ruff: noqa
"""Print the environment, every /proc/*/environ and cmdline readable: nothing of the worker leaks."""
import os


def double(x):
    print(dict(os.environ))
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        for name in ("environ", "cmdline"):
            try:
                with open(f"/proc/{pid}/{name}", "rb") as f:
                    print(pid, name, f.read()[:2000])
            except OSError as exc:
                print(pid, name, "refused:", exc)
    return 2 * x
