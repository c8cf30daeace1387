#!/usr/bin/env bash
# One command, one run, ratios instead of absolutes: starts the packaged server cold on the generated data
# (bench/generate.sh first), measures W1 in its first 30 s, then W1, W2 and W3 warm at 16 connections, then
# pgbench running W3's SQL (bench/pgbench-order.sh) right after, and prints each figure with its target and the
# ratio W3 ÷ pgbench (ChannelHub ÷ the database's floor for the same work). Also RSS and how far the sales-rollup feed trails after W3.
# Usage from the repository root: bench/compare.sh [duration per measured run, default 30s]; WARMUP (default 60s).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${1:-30s}
WARMUP=${WARMUP:-60s}
OUT=$BENCH_DIR/compare.txt
: > "$OUT"
log() { echo "$*" | tee -a "$OUT"; }
result() { grep '^RESULT' | head -1 || echo "RESULT failed"; }
field() { awk -v k="$2" '{for (i = 1; i < NF; i++) if ($i == k) {print $(i + 1); exit}}' <<< "$1"; }
rps() { awk '{for (i = 1; i < NF; i++) if ($i == "req/s") {print $(i - 1); exit}}' <<< "$1"; }

[ -f "$BENCH_DIR/pg/PG_VERSION" ] || { echo "no data in $BENCH_DIR: run SCALE=1.0 bench/generate.sh first" >&2; exit 1; }
start_server "$PORT" "$BENCH_DIR/server-compare.log"
trap 'stop_server' EXIT
. bench/env.sh
URL="http://localhost:$PORT"
log "date $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
log "data: $(psqlb -At -F' ' -c "select count(*) || ' orders' from sales_order where tenant_id = 'bench'"), start-up to ready ${STARTUP_S} s"

# W1 from a cold start: the first 30 s after /q/health/ready.
W1C=$(PAGE=20 CONC=16 WORKLOAD=W1-cold wrk -t2 -c16 -d30s --timeout 10s -s bench/w1-catalog.lua "$URL" 2>/dev/null | result)
log "$W1C   (cold: first 30 s; target >= 400 req/s)"

warm_then_measure() { # NAME SCRIPT [env...]
  local name=$1 script=$2; shift 2
  env "$@" WORKLOAD="$name" CONC=16 wrk -t2 -c16 -d"$WARMUP" -s "$script" "$URL" > /dev/null 2>&1 || true
  env "$@" WORKLOAD="$name" CONC=16 wrk -t2 -c16 -d"$DURATION" --timeout 10s -s "$script" "$URL" 2>/dev/null | result
}
W1=$(warm_then_measure W1-page20 bench/w1-catalog.lua PAGE=20)
log "$W1   (warm; target >= 700 req/s, p99 < 50 ms)  rss $(rss_mb "$SERVER_PID") MB"
W2=$(warm_then_measure W2-quote10 bench/w2-quote.lua SKU_DIGITS=6)
log "$W2   (target >= 4,000 req/s, p99 < 15 ms)  rss $(rss_mb "$SERVER_PID") MB"
( while kill -0 "$SERVER_PID" 2>/dev/null; do rss_mb "$SERVER_PID"; sleep 1; done ) > "$BENCH_DIR/rss-compare.txt" 2>/dev/null &
SAMPLER=$!
W3=$(warm_then_measure W3-order3 bench/w3-order.lua CHANNELS="$W3_CHANNELS" RUN="cmp-$(date +%s)")
kill $SAMPLER 2>/dev/null || true
log "$W3   (target >= 450 orders/s, p99 < 100 ms)  rss max $(sort -n "$BENCH_DIR/rss-compare.txt" | tail -1) MB"
sleep 2
log "rollup feed after W3: $(psqlb -At -c "select count(*) || ' events pending, cursor applied ' || round(extract(epoch from now() - c.applied_at)::numeric, 1) || ' s ago' from event_outbox e, sales_rollup_cursor c where (e.tx_id, e.seq) > (c.cursor_tx, c.cursor_seq) group by c.applied_at" 2>/dev/null || echo n/a)"
# The floor: the same SQL from pgbench on the same database right after (the server stays up, idle).
PG=$(W3_RPS=$(rps "$W3") bench/pgbench-order.sh "$DURATION")
log "$PG"
log "ratios: W3 / pgbench = $(python3 -c "print(f'{$(rps "$W3") / $(echo "$PG" | awk '/^RESULT pgbench-order/ {print $4; exit}') * 100:.0f} %')" 2>/dev/null || echo n/a) (target >= 75 %); W1 warm / 700 = $(python3 -c "print(f'{$(rps "$W1") / 700 * 100:.0f} %')"); W2 / 4000 = $(python3 -c "print(f'{$(rps "$W2") / 4000 * 100:.0f} %')")"
log "load average at the end: $(cat /proc/loadavg)"
