#!/usr/bin/env bash
# `make loadtest`: locust against gunicorn + PostgreSQL + Redis + a 2-process Celery worker,
# all on 127.0.0.1 (bench/loadtest/run.py starts and stops every process, including a
# private Redis). PostgreSQL must answer at LOADTEST_DATABASE_URL (default
# postgres://postgres@127.0.0.1:5432/cp_loadtest; the database is created if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || { echo "redis-server is needed: apt-get install redis-server" >&2; exit 1; }
exec .venv/bin/python bench/loadtest/run.py
