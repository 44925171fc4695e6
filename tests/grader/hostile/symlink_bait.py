# expect: error
# ruff: noqa
"""Plant symlinks to host files in the scratch directory (hoping a trusted process reads or
deletes through them later) and follow them now."""
import os

TARGETS = {"db": "/work/main/db.sqlite3", "env": "/work/main/.env", "shadow": "/etc/shadow",
           "zygote_root": "/proc/2/root/etc/hostname", "results.bin": "/proc/2/fd/0"}


def double(x):
    for name, target in TARGETS.items():
        os.symlink(target, name)
    os.symlink("/", "root")
    with open("db", "rb") as f:
        print(f.read(100))
    return 2 * x
