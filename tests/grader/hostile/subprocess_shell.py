# expect: error
# ruff: noqa
"""Run a shell to read the database: execve/fork are refused, /bin/sh is not even there."""
import subprocess


def double(x):
    out = subprocess.run(["/bin/sh", "-c", "cat /work/main/db.sqlite3; env"], capture_output=True)
    print(out.stdout)
    return 2 * x
