# expect: output_limit
# ruff: noqa
"""Flood stdout: the host reads at most 1 MiB, keeps 8 KiB, and stops the job."""
import sys


def double(x):
    line = "spam " * 200 + "\n"
    while True:
        sys.stdout.write(line)
