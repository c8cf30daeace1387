#!/usr/bin/env bash
# The webhook claim's cost as the backlog grows (issue 22, item 5). For N pending deliveries of one active webhook,
# inserted inside a transaction that is rolled back (nothing is sent, nothing stays), EXPLAIN ANALYZE of the claim
# statement (CLAIM_DUE, read from WebhookDeliveryRepository, with lease 60 s and batch 100, under its CLAIM_PLAN settings)
# in two shapes: every delivery its own aggregate (orders), and all of them over 10 aggregates (a hot aggregate whose
# later events wait behind the first), with the later events of an aggregate parked as the fan-out parks them
# (PARK=false: all due, as before the parking). Prints the claim's execution time per N. Run after bench/generate.sh, from the
# repository root.
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_server "$PORT" "$BENCH_DIR/server-webhook-claim.log" || exit 1
trap 'stop_server' EXIT
INTEGRATION=$(token --tenant bench --roles integration --ttl 600)
RUN=claim$(date +%s)
WEBHOOK=$(create_webhook "$INTEGRATION" "$RUN-webhook" "https://example.com/hook" '["nothing.ever"]')
[ -n "$WEBHOOK" ] || { echo "no webhook created" >&2; exit 1; }
# The statements as the dispatcher runs them: text blocks of WebhookDeliveryRepository, lease 60 s and batch 100.
REPO=src/main/java/dev/channelhub/events/WebhookDeliveryRepository.java
sql_constant() { awk -v name="$1" '$0 ~ name " = \"\"\"" {f = 1; next} f && /""";/ {sub(/""";.*/, ""); print; exit} f' "$REPO"; }
CLAIM=$(sql_constant CLAIM_DUE | sed 's/%1\$d/60/; s/%2\$d/100/')
for shape in orders hot; do
  for n in ${SIZES:-100 1000 10000 100000}; do
    agg=$([ "$shape" = hot ] && echo "('00000000-0000-0000-0000-00000000000' || (e.seq % 10))::uuid" || echo "e.aggregate_id")
    ms=$(psqlb -At -c "begin" -c "
      insert into webhook_delivery (tenant_id, id, webhook_id, event_seq, event_id, event_type, aggregate_id, status, next_attempt_at)
      select tenant_id, gen_random_uuid(), '$WEBHOOK', seq, id, type, agg, 'PENDING',
        case when ${PARK:-true} and row_number() over (partition by agg order by seq) > 1 then 'infinity'::timestamptz else now() end
      from (select e.*, $agg as agg from event_outbox e where e.tenant_id = 'bench' order by e.seq limit $n) e" -c "analyze webhook_delivery" \
      -c "$(sql_constant CLAIM_PLAN)" -c "explain (analyze, format ${FORMAT:-json}) $CLAIM" -c "rollback")
    [ -n "${FORMAT:-}" ] && echo "$ms"
    ms=$(echo "$ms" | grep -o '"Execution Time": [0-9.]*\|Execution Time: [0-9.]*' | grep -o '[0-9.]*$')
    echo "claim of 100 with $n pending ($shape): ${ms:-?} ms"
  done
done
curl -s -o /dev/null -X DELETE "localhost:$PORT/api/v1/webhooks/$WEBHOOK" -H "Authorization: Bearer $INTEGRATION"
