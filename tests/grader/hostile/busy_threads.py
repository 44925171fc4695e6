# expect: timeout
# ruff: noqa
"""Many spinning threads: CPU time adds up over threads; thread count capped by RLIMIT_NPROC."""
import threading


def spin():
    while True:
        pass


def double(x):
    started = 0
    try:
        for _ in range(200):
            threading.Thread(target=spin, daemon=True).start()
            started += 1
    except RuntimeError:
        pass
    print("threads started:", started)
    spin()
