# expect: output_limit
# ruff: noqa
"""Flood stderr through the raw file descriptor, bypassing Python's streams."""
import os


def double(x):
    block = b"E" * 65536
    while True:
        os.write(2, block)
