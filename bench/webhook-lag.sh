#!/usr/bin/env bash
# Events keep up with orders (issue 22, item 5): one webhook subscribed to every event ("*") on a local sink
# (bench/webhook-sink.py), W3 at 16 connections for DUR (60s), the pending backlog sampled every second, then the wait
# until it is empty. Reports orders/s, the delivery lag (event committed -> marked delivered after the sink's 2xx,
# from the database's own clock: delivered_at - occurred_at) at p50/p99/max, the largest backlog, and how long the
# backlog took to empty after the run. Run after bench/generate.sh, from the repository root.
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_sink
start_server "$PORT" "$BENCH_DIR/server-webhook-lag.log" || exit 1
trap 'kill $SAMPLER $SINK 2>/dev/null; stop_server' EXIT
NO_PARTNER_TOKENS=1 . bench/env.sh
INTEGRATION=$(token --tenant bench --roles integration --ttl 7200)
RUN=lag$(date +%s)
WEBHOOK=$(create_webhook "$INTEGRATION" "$RUN-webhook" "http://127.0.0.1:$SINK_PORT/hook" '["*"]')
[ -n "$WEBHOOK" ] || { echo "no webhook created" >&2; exit 1; }
pending() { psqlb -At -c "select count(*) from webhook_delivery where tenant_id = 'bench' and webhook_id = '$WEBHOOK' and status = 'PENDING'"; }
SAMPLES=$BENCH_DIR/backlog-$RUN.txt
( while true; do pending >> "$SAMPLES"; sleep 1; done ) & SAMPLER=$!
echo "$(CHANNELS="$W3_CHANNELS" RUN="$RUN" WORKLOAD=W3+webhook CONC=16 wrk -t2 -c16 -d"${DUR:-60s}" --timeout 10s \
  -s bench/w3-order.lua "http://localhost:$PORT" 2>/dev/null | grep '^RESULT')"
T_END=$(date +%s.%N)
for i in $(seq 1 120); do [ "$(pending)" = 0 ] && break; sleep 0.5; done
EMPTY_S=$(echo "$(date +%s.%N) - $T_END" | bc)
kill $SAMPLER 2>/dev/null
echo "backlog: max $(sort -n "$SAMPLES" | tail -1) pending (sampled every 1 s), empty ${EMPTY_S} s after the run; now $(pending) pending"
psqlb -At -F' ' -c "
  select 'lag_ms p50 ' || round(percentile_cont(0.5) within group (order by ms))
      || ' p99 ' || round(percentile_cont(0.99) within group (order by ms)) || ' max ' || round(max(ms))
      || ' delivered ' || count(*) || ' (' || round(count(*) / greatest(extract(epoch from max(at) - min(at)), 1)::numeric, 1) || '/s)'
  from (select extract(epoch from d.delivered_at - e.occurred_at) * 1000 as ms, d.delivered_at as at
        from webhook_delivery d join event_outbox e on e.tenant_id = d.tenant_id and e.seq = d.event_seq
        where d.tenant_id = 'bench' and d.webhook_id = '$WEBHOOK' and d.status = 'DELIVERED') x"
echo "sink received $(curl -s localhost:$SINK_PORT/count) POSTs"
curl -s -o /dev/null -X DELETE "localhost:$PORT/api/v1/webhooks/$WEBHOOK" -H "Authorization: Bearer $INTEGRATION"
