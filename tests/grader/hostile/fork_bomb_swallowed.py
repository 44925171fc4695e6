# expect: passed
# ruff: noqa
"""A fork bomb that swallows the refusal and then answers correctly: harmless, so it passes."""
import os


def double(x):
    refused = 0
    for _ in range(1000):
        try:
            if os.fork() == 0:
                while True:
                    pass
        except OSError:
            refused += 1
    print("forks refused:", refused)
    return 2 * x
