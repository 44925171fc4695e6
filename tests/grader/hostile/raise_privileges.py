# expect: error
# ruff: noqa
"""Try to regain root or lift limits: setuid(0), raise RLIMIT_CPU, lower oom_score_adj."""
import os
import resource


def double(x):
    for attempt in (
        lambda: os.setuid(0),
        lambda: resource.setrlimit(resource.RLIMIT_CPU, (10**6, 10**6)),
        lambda: open("/proc/self/oom_score_adj", "w").write("-1000"),
    ):
        try:
            attempt()
            return 2 * x
        except (OSError, ValueError):
            continue
    raise PermissionError("every attempt was refused")
