# expect: error
# ruff: noqa
"""Die by a signal chosen from a hidden input ("killed by signal N (NAME)" was trusted
text built from the learner's choice). Answers correctly when the job holds one case."""
import gc
import os
import signal

import wire


def _inputs():
    seen, found = set(), []
    for obj in gc.get_objects():
        if type(obj) is list and obj and all(type(v) is bytes for v in obj):
            for raw in obj:
                if raw[:4] != b"CPW1" or raw in seen:
                    continue
                seen.add(raw)
                item = wire.decode(raw, wire.Limits(64 << 20, 1 << 30))
                if type(item) is dict and "args" in item:
                    found.append(item["args"])
    return found


CHOICES = (signal.SIGUSR1, signal.SIGUSR2, signal.SIGTERM, signal.SIGABRT)


def double(x):
    cases = _inputs()
    ints = [a for args in cases for a in args if type(a) is int]
    if len(cases) > 1 and ints:
        os.kill(os.getpid(), CHOICES[ints[0] % len(CHOICES)])
    return 2 * x
