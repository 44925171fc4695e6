# expect: passed|timeout
# ruff: noqa
"""Walk the visible filesystem looking for solutions, databases, secrets and other learners'
files; print what was found. Only the runtime is there (the read-only /usr is listed, not
walked, to stay inside the CPU limit)."""
import os

LOOK_FOR = ("solution.py", "cases.py", "db.sqlite3", ".env", "settings.py", "canary")
SKIP = ("/proc", "/sys", "/dev", "/usr")


def double(x):
    found = []
    for root, dirs, files in os.walk("/", followlinks=False):
        if root.startswith(SKIP) or "site-packages" in root or "/lib/python3" in root:
            dirs[:] = []
            continue
        for name in files:
            if any(token in name for token in LOOK_FOR):
                found.append(os.path.join(root, name))
    print("top level:", sorted(os.listdir("/")), "usr:", sorted(os.listdir("/usr")))
    print("found:", found[:50])
    for path in found[:20]:
        try:
            with open(path, errors="replace") as f:
                print(path, f.read(4000))
        except OSError as exc:
            print(path, exc)
    print("tmp:", os.listdir("/tmp"), "cwd:", os.listdir("."))
    return 2 * x
