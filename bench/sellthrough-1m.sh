#!/usr/bin/env bash
# Sell-through at 1,000,000 sell-out lines (issue 19), at the SQL level: a throw-away PostgreSQL 15 cluster, the
# application's migrations applied in Flyway's order, then bench/sellthrough-1m.sql (data set + the report's statements,
# timed warm). Usage: bench/sellthrough-1m.sh   (PG_BIN=/usr/lib/postgresql/15/bin by default; ST_DIR to keep the cluster)
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ST_DIR=${ST_DIR:-/tmp/channelhub-sellthrough-bench}
ST_PORT=${ST_PORT:-55432}
AS=()
if [ "$(id -u)" = 0 ]; then AS=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
rm -rf "$ST_DIR"; mkdir -p "$ST_DIR"; chmod 777 "$ST_DIR"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$ST_DIR"
"${AS[@]}" "$PG_BIN/initdb" -D "$ST_DIR/data" -U postgres -A trust >/dev/null
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$ST_DIR/data" -l "$ST_DIR/pg.log" -w \
  -o "-p $ST_PORT -k $ST_DIR -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off" start >/dev/null
trap '"${AS[@]}" "$PG_BIN/pg_ctl" -D "$ST_DIR/data" -m fast stop >/dev/null' EXIT
psqlst() { psql -X -q -h "$ST_DIR" -p "$ST_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
for f in $(ls src/main/resources/db/migration/V*.sql | sort -V); do psqlst -f "$f" >/dev/null; done
psqlst -f bench/sellthrough-1m.sql
