# expect: passed
# ruff: noqa
"""Leave symlinks to host paths and a hard link attempt behind, then answer correctly: the
scratch is a private tmpfs that vanishes with the job; no trusted code walks it."""
import os


def double(x):
    for i, target in enumerate(["/work/main", "/root", "/etc/passwd", "/proc/1/root", ".."]):
        try:
            os.symlink(target, f"bait{i}")
        except FileExistsError:
            pass
    try:
        os.link("/usr/bin/env", "hardlink")
    except OSError:
        pass
    return 2 * x
