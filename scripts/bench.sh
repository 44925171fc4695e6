#!/usr/bin/env bash
# `make bench`: grading benchmark against a real worker, Redis and database, verdict
# latency over HTTP (gunicorn and the command-line client's code path), and lesson code.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/redis.sh
ensure_redis
if [ "${STARTED_PRIVATE_REDIS:-0}" = 1 ]; then
  start_private_redis_daemon
  trap 'kill "$(cat .run/redis/redis.pid)" 2>/dev/null || true' EXIT
fi
export REDIS_URL="$REDIS_BASE/10" CACHE_URL="$REDIS_BASE/11"
export DATABASE_URL="${DATABASE_URL:-sqlite:///$PWD/.run/bench.sqlite3}"
mkdir -p .run
rm -f .run/bench.sqlite3
# `scripts/bench.sh http` runs only the over-HTTP latency benchmark.
if [ "${1:-all}" != http ]; then
  .venv/bin/python bench/grading_bench.py
  # Its own section of docs/performance.md.
  .venv/bin/python bench/lesson_run_bench.py
fi
exec .venv/bin/python bench/http_bench.py
