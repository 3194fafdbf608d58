#!/usr/bin/env bash
# `make bench`: national-scale data on its own PostgreSQL database, gunicorn as in production,
# locust driving each role's pages; prints the table and the capacity. See README "Benchmark".
#   BENCH_QUICK=1         a smoke run (seconds per page, two capacity steps)
#   BENCH_DATABASE_URL    default postgres://postgres@127.0.0.1:5432/bench_ip (dropped and created again)
#   BENCH_PORT            default: a free port on 127.0.0.1
#   BENCH_OUT             also write the table to this file (default var/bench/last-run.md)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
BENCH_PY=.venv-bench/bin/python
DB_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bench_ip}
WORK=var/bench
mkdir -p "$WORK"
export BENCH_OUT=${BENCH_OUT:-$WORK/last-run.md}

# The portal as in production (README "Serving in production"), but over plain HTTP on 127.0.0.1.
export DEBUG=0 SECRET_KEY="bench-$(date +%s)-$RANDOM$RANDOM" ALLOWED_HOSTS=127.0.0.1 DATABASE_URL="$DB_URL" \
       SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0 \
       MEDIA_ROOT="$PWD/$WORK/media" STATIC_ROOT="$PWD/$WORK/static" LOG_LEVEL=WARNING

GUNICORN_PID=""
cleanup() {
    if [ -n "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
        kill -TERM "$GUNICORN_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$GUNICORN_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$GUNICORN_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT INT TERM

echo "bench: database $DB_URL (dropped and created again)"
"$PY" - "$DB_URL" <<'PYEOF'
import sys
from urllib.parse import urlparse

import psycopg
from psycopg import sql

url = urlparse(sys.argv[1])
name = url.path.lstrip("/")
admin = url._replace(path="/postgres").geturl()
with psycopg.connect(admin, autocommit=True) as connection:
    connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
PYEOF
rm -rf "$WORK/media" "$WORK/static"
"$PY" manage.py migrate --no-input -v 0
"$PY" manage.py collectstatic --no-input -v 0   # before the data: publishing renders with the static files
"$PY" manage.py load_bench_data
"$PY" bench/targets.py 2>>"$WORK/gunicorn.log" > "$WORK/targets.json"

PORT=${BENCH_PORT:-$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
HOST="http://127.0.0.1:$PORT"
echo "bench: gunicorn on $HOST (gthread, 2 workers x 8 threads, as in production)"
.venv/bin/gunicorn inspection_portal.wsgi --bind "127.0.0.1:$PORT" \
    --worker-class gthread --workers 2 --threads 8 --timeout 60 \
    --error-logfile "$WORK/gunicorn.log" 2>>"$WORK/gunicorn.log" &   # the slow-request log goes there too
GUNICORN_PID=$!
for _ in $(seq 1 60); do
    if curl -fsS "$HOST/healthz" >/dev/null 2>&1; then break; fi
    sleep 0.5
done
curl -fsS "$HOST/healthz" >/dev/null

"$BENCH_PY" bench/drive.py "$HOST" "$WORK/targets.json"
echo "bench: the table is also in $BENCH_OUT"
