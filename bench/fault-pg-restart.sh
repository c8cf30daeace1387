#!/usr/bin/env bash
# Fault (a): stop PostgreSQL (fast shutdown, as `pg_ctl stop -m fast`) while W3 runs, keep it down DOWN seconds
# (default 8), start it again with the same options. Expected: the API answers 503 problem+json quickly while
# the database is away (no hang), recovers by itself within seconds, and afterwards orders in the database ==
# acknowledged 201s, reservations == ledger (bench/check.sql). Run after bench/generate.sh, from the repository root.
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DOWN=${DOWN:-8}
start_server "$PORT" "$BENCH_DIR/server-fault-pg.log" || exit 1
trap 'kill $PROBE $WRK 2>/dev/null; stop_server' EXIT
NO_PARTNER_TOKENS=1 . bench/env.sh
RUN=pgr$(date +%s); ACK=$BENCH_DIR/ack-$RUN; PROBEF=$BENCH_DIR/probe-$RUN.txt
PGBIN=$(pg_bin); PGDATA=$BENCH_DIR/pg
OPTS=$(sed -E 's/^[^ ]+ //; s/"-D" "[^"]*" ?//; s/"//g' "$PGDATA/postmaster.opts")
T0=$(date +%s.%N)
env CHANNELS="$W3_CHANNELS" RUN="$RUN" ACK_FILE="$ACK" WORKLOAD=W3-during-pg-restart CONC=16 \
  wrk -t2 -c16 -d$((DOWN + 30))s --timeout 30s -s bench/w3-order.lua "http://localhost:$PORT" > "$BENCH_DIR/wrk-$RUN.txt" 2>&1 &
WRK=$!
probe "$RUN" "$PROBEF" & PROBE=$!
sleep 10
STOP=$(echo "$(date +%s.%N) - $T0" | bc)
echo "t=${STOP}s: stopping PostgreSQL (fast)"
unshare -U "$PGBIN/pg_ctl" stop -D "$PGDATA" -m fast -w > /dev/null 2>&1 || { kill -INT "$(pg_pid)"; while pg_alive; do sleep 0.1; done; }
sleep "$DOWN"
START=$(echo "$(date +%s.%N) - $T0" | bc)
echo "t=${START}s: starting PostgreSQL again"
unshare -U "$PGBIN/pg_ctl" start -D "$PGDATA" -o "$OPTS" -l "$BENCH_DIR/pg-restart.log" -w > /dev/null
wait $WRK
kill $PROBE 2>/dev/null; wait $PROBE 2>/dev/null
grep RESULT "$BENCH_DIR/wrk-$RUN.txt"
echo "probes before the stop:   $(probe_summary "$PROBEF" 0 "$STOP")"
echo "probes while PG was down: $(probe_summary "$PROBEF" "$STOP" "$START")"
FIRST=$(awk -v s="$START" '$1 >= s && $2 == 201 { print $1; exit }' "$PROBEF")
echo "first 201 after PostgreSQL was back: $( [ -n "$FIRST" ] && echo "$(echo "$FIRST - $START" | bc) s after the start" || echo never)"
echo "probes after the restart: $(probe_summary "$PROBEF" "$START" 99999)"
[ -f "$PROBEF.503" ] && echo "a 503 body: $(head -c 300 "$PROBEF.503")"
awk '$2 == 201 { print $4 }' "$PROBEF" > "$ACK.probe"
verify "$RUN" "$ACK".*
