#!/usr/bin/env bash
# Generates the realistic tenant `bench` (and the small tenant `bench2`) straight into the embedded PostgreSQL
# of the packaged server with SQL (bench/generate.sql), then rebuilds analytics if that function exists and
# ANALYZEs. Usage from the repository root, after `./mvnw -B package -DskipTests`:
#   SCALE=1.0 bench/generate.sh        # SCALE scales every count (0.05 for a quick run)
# Uses the server's PostgreSQL when one runs on $BENCH_DIR (default /tmp/channelhub-bench); otherwise starts the
# server for the schema (Flyway) and stops it again.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SCALE=${SCALE:-1.0}
n() { python3 -c "import sys; print(max(int($2), int(round($1 * $SCALE))))"; }
STARTED=
if ! pg_alive; then
  start_server "$PORT" "$BENCH_DIR/server-generate.log"
  STARTED=$SERVER_PID
  trap 'stop_server $STARTED' EXIT
fi
T0=$(date +%s)
gen() {
  local tenant=$1; shift
  local t=$(date +%s)
  psqlb -v tenant="$tenant" "$@" -f bench/generate.sql
  echo "  tenant $tenant: $(( $(date +%s) - t )) s"
}
gen bench -v n_channels="$(n 2000 40)" -v n_customers="$(n 200000 200)" -v n_skus="$(n 20000 100)" \
  -v n_orders="$(n 1000000 1000)" -v n_leads="$(n 50000 100)"
gen bench2 -v n_channels=40 -v n_customers=2000 -v n_skus=300 -v n_orders=10000 -v n_leads=200
t=$(date +%s)
if [ "$(psqlb -At -c "select count(*) from pg_proc where proname = 'analytics_rebuild'")" != 0 ]; then
  psqlb -c "select analytics_rebuild('bench')" -c "select analytics_rebuild('bench2')" > /dev/null
  echo "  analytics_rebuild: $(( $(date +%s) - t )) s"
else
  echo "  analytics_rebuild(text) does not exist here: skipped"
fi
t=$(date +%s)
psqlb -c "vacuum analyze"
echo "  vacuum analyze: $(( $(date +%s) - t )) s"
psqlb -f bench/check.sql
echo "generated in $(( $(date +%s) - T0 )) s (SCALE=$SCALE); database $(psqlb -At -c "select pg_size_pretty(pg_database_size('postgres'))")"
