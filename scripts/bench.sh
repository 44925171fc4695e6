#!/usr/bin/env bash
# `make bench`: grading and lesson-code benchmarks against a real worker, Redis and database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/redis.sh
ensure_redis
if [ "${STARTED_PRIVATE_REDIS:-0}" = 1 ]; then
  start_private_redis_daemon
  trap 'kill "$(cat .run/redis/redis.pid)" 2>/dev/null || true' EXIT
fi
export REDIS_URL="$REDIS_BASE/10" CACHE_URL="$REDIS_BASE/11"
mkdir -p .run
rm -f .run/bench.sqlite3
.venv/bin/python bench/grading_bench.py
# Its own section of docs/performance.md (the grading bench rewrites the rest).
exec .venv/bin/python bench/lesson_run_bench.py
