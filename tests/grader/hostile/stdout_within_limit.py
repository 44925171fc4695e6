# expect: passed
# ruff: noqa
"""Print 600 KiB once per run (under the 1 MiB cap) and answer correctly: only the first
8 KiB is kept for display."""

printed = False


def double(x):
    global printed
    if not printed:
        print("x" * (600 << 10))
        printed = True
    return 2 * x
