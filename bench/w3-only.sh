#!/usr/bin/env bash
# W3 alone on a fresh server: WARM (60s) of warm-up, then DUR (30s) measured at 16 connections. For A/B pairs, run it
# alternately with JAR=<other build>/target/quarkus-app/quarkus-run.jar (an older build on a newer schema needs
# QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false). Usage from the repository root: bench/w3-only.sh [label]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_server "$PORT" "$BENCH_DIR/server-w3-only.log"
trap 'stop_server' EXIT
NO_PARTNER_TOKENS=1 . bench/env.sh
URL=http://localhost:$PORT
CHANNELS="$W3_CHANNELS" RUN="w3w-$(date +%s)" WORKLOAD=W3 CONC=16 wrk -t2 -c16 -d"${WARM:-60s}" -s bench/w3-order.lua "$URL" >/dev/null 2>&1 || true
echo "${1:-W3} $(CHANNELS="$W3_CHANNELS" RUN="w3m-$(date +%s)" WORKLOAD=W3 CONC=16 wrk -t2 -c16 -d"${DUR:-30s}" --timeout 10s \
  -s bench/w3-order.lua "$URL" 2>/dev/null | grep '^RESULT')"
