#!/usr/bin/env bash
# The capstone benchmark (bench/capstone_bench.py): a private Redis on a free port, real
# workers for both queues, the database in DATABASE_URL (default: a SQLite file).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run/capstone-redis
PORT=$(.venv/bin/python -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$PWD/.run/capstone-redis" \
  --daemonize yes --pidfile "$PWD/.run/capstone-redis/redis.pid" --logfile "$PWD/.run/capstone-redis/redis.log"
trap 'kill "$(cat .run/capstone-redis/redis.pid)" 2>/dev/null || true' EXIT
sleep 0.5
export REDIS_URL="redis://127.0.0.1:$PORT/0" CACHE_URL="redis://127.0.0.1:$PORT/1"
export DATABASE_URL="${DATABASE_URL:-sqlite:///$PWD/.run/capstone-bench.sqlite3}"
.venv/bin/python bench/capstone_bench.py
