# expect: error
# ruff: noqa
"""Double-fork a daemon that outlives the job (and would keep grading slots busy)."""
import os
import time


def double(x):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            while True:
                time.sleep(1)
        os._exit(0)
    return 2 * x
