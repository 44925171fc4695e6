# expect: error
# ruff: noqa
"""Read the platform's code, settings and .env from the usual places."""

CANDIDATES = ["/work/main/courseplatform/settings.py", "/work/main/.env", "/app/.env",
              "/srv/courseplatform/.env", "/root/.bash_history"]


def double(x):
    for path in CANDIDATES:
        with open(path) as f:
            print(f.read())
    return 2 * x
