#!/usr/bin/env bash
# Fault (b): kill -9 the API in the middle of W3, start it again on the same data directory. Expected: it comes
# back (its embedded PostgreSQL survives the JVM or is restarted), no acknowledged order is lost or duplicated,
# reservations == ledger, a stock hold that expired while it was down is released, and webhook deliveries that
# were pending resume (a local sink counts them). Run after bench/generate.sh, from the repository root.
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_sink
start_server "$PORT" "$BENCH_DIR/server-fault-kill.log" || exit 1
trap 'kill $PROBE $WRK $SINK 2>/dev/null; stop_server' EXIT
NO_PARTNER_TOKENS=1 . bench/env.sh
INTEGRATION=$(token --tenant bench --roles integration --ttl 7200)
RUN=kill$(date +%s); ACK=$BENCH_DIR/ack-$RUN; PROBEF=$BENCH_DIR/probe-$RUN.txt
WEBHOOK=$(create_webhook "$INTEGRATION" "$RUN-webhook" "http://127.0.0.1:$SINK_PORT/hook" '["order.placed"]')
echo "webhook $WEBHOOK -> sink on $SINK_PORT"
T0=$(date +%s.%N)
env CHANNELS="$W3_CHANNELS" RUN="$RUN" ACK_FILE="$ACK" WORKLOAD=W3-during-kill CONC=16 \
  wrk -t2 -c16 -d45s --timeout 30s -s bench/w3-order.lua "http://localhost:$PORT" > "$BENCH_DIR/wrk-$RUN.txt" 2>&1 &
WRK=$!
probe "$RUN" "$PROBEF" & PROBE=$!
sleep 8
HOLD=$(curl -s -X POST "localhost:$PORT/api/v1/stock/holds" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $RUN-hold" -d "{\"channelId\":\"${W3_CHANNELS%%,*}\",\"lines\":[{\"sku\":\"SKU-000010\",\"quantity\":2}],\"ttlSeconds\":5}" \
  | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
echo "hold $HOLD (5 s) created"
sleep 2
KILL=$(echo "$(date +%s.%N) - $T0" | bc)
echo "t=${KILL}s: kill -9 the API (pid $SERVER_PID); PostgreSQL alive afterwards: $(sleep 0.5; pg_alive && echo yes || echo no)"
kill -9 "$SERVER_PID"
PENDING_AT_KILL=$(psqlb -At -c "select count(*) from webhook_delivery where tenant_id = 'bench' and webhook_id = '$WEBHOOK' and status = 'PENDING'" 2>/dev/null || echo "?")
sleep 3
start_server "$PORT" "$BENCH_DIR/server-fault-kill.log" || exit 1
UP=$(echo "$(date +%s.%N) - $T0" | bc)
echo "t=${UP}s: API ready again (start-up ${STARTUP_S} s); webhook deliveries pending at the kill: $PENDING_AT_KILL"
wait $WRK
kill $PROBE 2>/dev/null; wait $PROBE 2>/dev/null
grep RESULT "$BENCH_DIR/wrk-$RUN.txt"
echo "probes before the kill: $(probe_summary "$PROBEF" 0 "$KILL")"
echo "probes after restart:   $(probe_summary "$PROBEF" "$UP" 99999)"
for i in $(seq 1 60); do
  P=$(psqlb -At -c "select count(*) from webhook_delivery where tenant_id = 'bench' and webhook_id = '$WEBHOOK' and status = 'PENDING'")
  [ "$P" = 0 ] && break; sleep 1
done
echo "webhook deliveries: $(psqlb -At -F' ' -c "select count(*) filter (where status = 'DELIVERED'), count(*) filter (where status = 'PENDING') from webhook_delivery where tenant_id = 'bench' and webhook_id = '$WEBHOOK'") (delivered, pending) $i s after the run; sink received $(curl -s localhost:$SINK_PORT/count) POSTs"
echo "hold after restart: $(psqlb -At -F' ' -c "select status, (select coalesce(sum(quantity), 0) from stock_reservation r where r.tenant_id = 'bench' and r.owner_id = h.id) from stock_hold h where tenant_id = 'bench' and id = '$HOLD'") (status, still reserved)"
awk '$2 == 201 { print $4 }' "$PROBEF" > "$ACK.probe"
verify "$RUN" "$ACK".*
RC=$?
curl -s -o /dev/null -X DELETE "localhost:$PORT/api/v1/webhooks/$WEBHOOK" -H "Authorization: Bearer $INTEGRATION"
exit $RC
