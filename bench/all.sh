#!/usr/bin/env bash
# Runs W1-W6 at concurrency 16 and 64 against the generated data (bench/generate.sh first), the W3-versus-
# pgbench comparison, and measures start-up (exec to /q/health/ready) and JVM RSS at rest and under load.
# Usage from the repository root: bench/all.sh [duration per run, default 30s]. Results: $BENCH_DIR/results.txt
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${1:-30s}
WARMUP=${WARMUP:-60s}   # per workload; W1 needs ~200 s to reach its steady state (docs/PERFORMANCE.md): WARMUP=200s
OUT=$BENCH_DIR/results.txt
: > "$OUT"
log() { echo "$*" | tee -a "$OUT"; }

# Start-up with the data already there: the first start after generation, then (measured) a second one.
start_server "$PORT" "$BENCH_DIR/server.log"; stop_server
start_server "$PORT" "$BENCH_DIR/server.log"
trap 'stop_server' EXIT
sleep 5
log "date $(date -u +%FT%TZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, java $(java -version 2>&1 | head -1)"
log "start-up to /q/health/ready: ${STARTUP_S} s; RSS at rest after start: $(rss_mb "$SERVER_PID") MB"
log "data: $(psqlb -At -F' ' -c "select 'orders', count(*) from sales_order where tenant_id = 'bench'") $(psqlb -At -F' ' -c "select 'customers', count(*) from customer where tenant_id = 'bench'") $(psqlb -At -F' ' -c "select 'skus', count(*) from product where tenant_id = 'bench'") database $(psqlb -At -c "select pg_size_pretty(pg_database_size('postgres'))")"

. bench/env.sh
URL="http://localhost:$PORT"

run() { # run NAME SCRIPT [env...]: warm-up at 16, then 16 and 64 connections
  local name=$1 script=$2; shift 2
  env "$@" WORKLOAD="$name" CONC=16 wrk -t2 -c16 -d"$WARMUP" -s "$script" "$URL" > /dev/null 2>&1 || true
  for c in 16 64; do
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    local res; res=$(env "$@" WORKLOAD="$name" CONC=$c wrk -t2 -c$c -d"$DURATION" --timeout 10s -s "$script" "$URL" 2>"$BENCH_DIR/wrk-$name-$c.err" | grep '^RESULT' || echo "RESULT $name c=$c: failed")
    log "$res  rss $(rss_mb "$SERVER_PID") MB  load ${load}->$(cut -d' ' -f1 /proc/loadavg)"
  done
}
run W1-page20 bench/w1-catalog.lua PAGE=20
run W1-page50 bench/w1-catalog.lua PAGE=50
run W2-quote10 bench/w2-quote.lua
# RSS under load: sampled every second during W3
( while kill -0 "$SERVER_PID" 2>/dev/null; do rss_mb "$SERVER_PID"; sleep 1; done ) > "$BENCH_DIR/rss-samples.txt" 2>/dev/null &
SAMPLER=$!
run W3-order3 bench/w3-order.lua CHANNELS="$W3_CHANNELS" RUN="w3-$(date +%s)"
kill $SAMPLER 2>/dev/null || true
log "RSS under load (W3): max $(sort -n "$BENCH_DIR/rss-samples.txt" | tail -1) MB"
run W4-customer360 bench/w4-customer360.lua
run W5-sales-by-channel bench/w5-sales-report.lua TOKEN="$MANAGER_TOKEN"
run W6-partner-orders bench/w6-partner-orders.lua
sleep 10
log "RSS at rest after the runs: $(rss_mb "$SERVER_PID") MB"
W3_RPS=$(grep "^RESULT W3-order3 c=16" "$OUT" | awk '{print $4}') bench/pgbench-order.sh "$DURATION" | tee -a "$OUT"
log "load average at the end: $(cat /proc/loadavg)"
