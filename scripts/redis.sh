# Sourced by run.sh, test.sh and bench.sh: find a Redis that answers or start a private one.
# Sets REDIS_BASE (without a database number) and PRIVATE_REDIS_PORT when one was started.
# A private Redis keeps its files in REDIS_RUN_DIR (default .run/redis); a caller that may
# run next to another copy of itself (test.sh) passes its own port and directory.

redis_answers() {
  .venv/bin/python - "$1" <<'PY' 2>/dev/null
import sys, redis
redis.Redis.from_url(sys.argv[1], socket_timeout=1, socket_connect_timeout=1).ping()
PY
}

ensure_redis() {
  local candidate="${REDIS_URL:-redis://127.0.0.1:6379}"
  if [[ $candidate =~ ^(.*)/[0-9]+$ ]]; then candidate="${BASH_REMATCH[1]}"; fi
  if redis_answers "$candidate"; then
    REDIS_BASE="$candidate"
    return
  fi
  PRIVATE_REDIS_PORT="${PRIVATE_REDIS_PORT:-6390}"
  REDIS_BASE="redis://127.0.0.1:${PRIVATE_REDIS_PORT}"
  if ! command -v redis-server >/dev/null; then
    echo "No Redis answers at $candidate and redis-server is not installed: apt-get install redis-server" >&2
    exit 1
  fi
  REDIS_RUN_DIR="${REDIS_RUN_DIR:-.run/redis}"
  mkdir -p "$REDIS_RUN_DIR"
  if ! redis_answers "$REDIS_BASE"; then
    echo "No Redis answers at $candidate: starting a private one on port $PRIVATE_REDIS_PORT"
    STARTED_PRIVATE_REDIS=1
  fi
}

start_private_redis_daemon() {
  redis-server --port "$PRIVATE_REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$PWD/$REDIS_RUN_DIR" --daemonize yes --pidfile "$PWD/$REDIS_RUN_DIR/redis.pid" \
    --logfile "$PWD/$REDIS_RUN_DIR/redis.log" >/dev/null
  for _ in $(seq 50); do redis_answers "$REDIS_BASE" && return; sleep 0.1; done
  echo "The private Redis did not start; see $REDIS_RUN_DIR/redis.log" >&2
  exit 1
}
