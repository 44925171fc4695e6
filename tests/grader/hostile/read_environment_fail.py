# expect: failed
# ruff: noqa
"""Return the environment as the answer: its text must never reach the learner's screen."""
import os


def double(x):
    return "|".join(f"{k}={v}" for k, v in os.environ.items())
