# expect: passed
# ruff: noqa
"""Start non-daemon threads that never end, then answer: the job still ends after the last
result and no thread or process of the job survives it."""
import threading
import time


def forever():
    while True:
        time.sleep(0.01)


def double(x):
    threading.Thread(target=forever).start()
    return 2 * x
