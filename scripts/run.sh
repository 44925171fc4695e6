#!/usr/bin/env bash
# `make run`: migrate, load the bundled course, create the demo users, then start the web
# server, a Celery worker (with beat) and a grading-long worker (training runs) under
# honcho, and a private Redis if none answers; Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/redis.sh
ensure_redis
export REDIS_URL="$REDIS_BASE/0"
export DEBUG="${DEBUG:-1}"
export PORT="${PORT:-8000}"
mkdir -p .run
if [ "${STARTED_PRIVATE_REDIS:-0}" = 1 ]; then
  start_private_redis_daemon
  trap 'kill "$(cat .run/redis/redis.pid)" 2>/dev/null || true' EXIT
fi
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py loadcourse
.venv/bin/python manage.py demo_users
echo
echo "Open http://127.0.0.1:$PORT/  (Ctrl-C stops everything)"
.venv/bin/honcho -f Procfile start
