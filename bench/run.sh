#!/usr/bin/env bash
# Benchmarks W1 (GraphQL catalogue page of 20 and 50 products with prices) and W2 (10-line REST quote) against
# the packaged server with its own data directory. Usage, from the repository root after `./mvnw -B package -DskipTests`:
#   bench/run.sh [duration, default 30s]
set -euo pipefail
DURATION=${1:-30s}
BENCH_DIR=${BENCH_DIR:-/tmp/channelhub-bench}
PORT=${PORT:-18080}
JAR=target/quarkus-app/quarkus-run.jar
mkdir -p "$BENCH_DIR"
export CHANNELHUB_DATA_DIR="$BENCH_DIR"

CHANNELHUB_DATA_DIR="$BENCH_DIR" PORT=$PORT java ${JAVA_OPTS--Xmx160m -XX:+UseSerialGC -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000} -jar "$JAR" > "$BENCH_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 180); do
  curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done
PGPORT=$(sed -n 4p "$BENCH_DIR/pg/postmaster.pid")
psql -q -h localhost -p "$PGPORT" -U postgres -d postgres -f bench/load.sql
CHANNELS=$(psql -At -h localhost -p "$PGPORT" -U postgres -d postgres \
  -c "select string_agg(id::text, ',' order by code) from channel where tenant_id = 'bench'")
TOKEN=$(java -jar "$JAR" token --tenant bench --roles sales --ttl 7200)
export TOKEN CHANNELS

# warm-up (JIT, pools, prepared statements), then the measured runs. C2 needs minutes for the GraphQL path on
# 2 cores: W1 measured 320-420 req/s after 60-90 s of load and 508-596 after 200 s (docs/PERFORMANCE.md).
PAGE=20 wrk -t2 -c16 -d"${W1_WARMUP:-200s}" -s bench/w1-catalog.lua "http://localhost:$PORT" > /dev/null
wrk -t2 -c16 -d"${W2_WARMUP:-30s}" -s bench/w2-quote.lua "http://localhost:$PORT" > /dev/null
for page in 20 50; do
  echo "=== W1: GraphQL catalogue page of $page with prices, 16 connections, $DURATION"
  PAGE=$page wrk -t2 -c16 -d"$DURATION" --latency -s bench/w1-catalog.lua "http://localhost:$PORT"
done
echo "=== W2: REST quote of 10 lines, 16 connections, $DURATION"
wrk -t2 -c16 -d"$DURATION" --latency -s bench/w2-quote.lua "http://localhost:$PORT"
