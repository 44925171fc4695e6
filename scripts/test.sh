#!/usr/bin/env bash
# The whole suite: unit, view, API, sandbox, real Celery worker and browser tests.
# Uses the database in DATABASE_URL (default: SQLite) and a Redis that answers (or a
# private one it starts and stops).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/redis.sh
# Without a shared Redis, each run starts its own on a free port with its own files: two
# runs side by side never use (or stop) each other's.
if [ -z "${PRIVATE_REDIS_PORT:-}" ]; then
  PRIVATE_REDIS_PORT="$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
fi
REDIS_RUN_DIR=".run/redis-test-$$"
ensure_redis
if [ "${STARTED_PRIVATE_REDIS:-0}" = 1 ]; then
  start_private_redis_daemon
  trap 'kill "$(cat "$REDIS_RUN_DIR/redis.pid")" 2>/dev/null || true; rm -rf "$REDIS_RUN_DIR"' EXIT
fi
# A pair of Redis databases of its own (2..15, never the platform's 0 and 1 or the
# bench's 10 and 11), held by an flock for the whole run, so that two test runs on one
# machine never flush each other's broker.
reserve_redis_databases() {
  mkdir -p /tmp/courseplatform-test-redis
  local db
  for db in 2 4 6 8 12 14; do
    exec {REDIS_DB_LOCK}>"/tmp/courseplatform-test-redis/${REDIS_BASE//[^A-Za-z0-9]/_}-$db.lock"
    if flock --nonblock "$REDIS_DB_LOCK"; then
      export REDIS_URL="$REDIS_BASE/$db" CACHE_URL="$REDIS_BASE/$((db + 1))"
      return
    fi
    exec {REDIS_DB_LOCK}>&-
  done
  echo "Every test pair of Redis databases is in use by another test run: wait for one to end" >&2
  exit 1
}
reserve_redis_databases
export SECRET_KEY="${SECRET_KEY:-test-only-secret-key-not-for-production-use-0123456789abcdef}"
mkdir -p test-artifacts .run staticfiles
.venv/bin/ruff check --quiet . || { echo "ruff found problems (see above): fix them or run 'ruff check --fix'"; exit 1; }
echo "Testing with DATABASE_URL=${DATABASE_URL:-sqlite (default)} REDIS_URL=$REDIS_URL"
if [ "${STARTED_PRIVATE_REDIS:-0}" = 1 ]; then
  .venv/bin/python -m pytest "$@"  # not exec: the EXIT trap stops this run's private Redis
else
  exec .venv/bin/python -m pytest "$@"
fi
