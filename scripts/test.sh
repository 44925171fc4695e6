#!/usr/bin/env bash
# The whole suite: unit, view, API, sandbox, real Celery worker and browser tests.
# Uses the database in DATABASE_URL (default: SQLite) and a Redis that answers (or a
# private one it starts and stops).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/redis.sh
ensure_redis
if [ "${STARTED_PRIVATE_REDIS:-0}" = 1 ]; then
  start_private_redis_daemon
  trap 'kill "$(cat .run/redis/redis.pid)" 2>/dev/null || true' EXIT
fi
# Databases 8 and 9: the suite never touches a developer's platform on 0 and 1.
export REDIS_URL="$REDIS_BASE/8"
export CACHE_URL="$REDIS_BASE/9"
export SECRET_KEY="${SECRET_KEY:-test-only-secret-key-not-for-production-use-0123456789abcdef}"
mkdir -p test-artifacts .run staticfiles
.venv/bin/ruff check --quiet . || { echo "ruff found problems (see above): fix them or run 'ruff check --fix'"; exit 1; }
echo "Testing with DATABASE_URL=${DATABASE_URL:-sqlite (default)} REDIS_URL=$REDIS_URL"
exec .venv/bin/python -m pytest "$@"
