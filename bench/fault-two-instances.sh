#!/usr/bin/env bash
# Fault (c): two API instances on different ports against one database (the second one's
# QUARKUS_DATASOURCE_REACTIVE_URL points at the first's embedded PostgreSQL) under W3 on a few hot SKUs with
# little stock. Expected: no oversell (units ordered in the run <= units available when it started, reserved
# <= on hand everywhere), and idempotency across instances: the same Idempotency-Key sent to both at once gives
# one order, the same id from both. Run after bench/generate.sh, from the repository root.
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
PORT_B=$((PORT + 1))
HOT=${HOT:-SKU-000101,SKU-000102,SKU-000103,SKU-000104,SKU-000105}
UNITS=${UNITS:-20}   # units on hand per (location, SKU) beyond what is already reserved
SAME=${SAME:-20}     # keys sent to both instances at once
start_server "$PORT" "$BENCH_DIR/server-two-a.log" || exit 1
A=$SERVER_PID
PGPORT=$(pg_port)
start_server "$PORT_B" "$BENCH_DIR/server-two-b.log" QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PGPORT/postgres" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD="$(cat "$BENCH_DIR/pg.password")" || { stop_server $A; exit 1; }
B=$SERVER_PID
trap 'stop_server $B; stop_server $A' EXIT
NO_PARTNER_TOKENS=1 . bench/env.sh
ADMIN=$(token --tenant bench --roles admin --ttl 7200)
HOTSQL="'$(echo "$HOT" | sed "s/,/','/g")'"
# limited stock on the hot SKUs everywhere they are stocked, through the API (ledger rows included)
psqlb -At -F' ' -c "select l.code, s.sku, s.reserved + $UNITS from stock_level s join stock_location l on l.tenant_id = s.tenant_id and l.id = s.location_id where s.tenant_id = 'bench' and s.sku in ($HOTSQL)" |
while read -r loc sku onhand; do
  curl -s -o /dev/null -w '%{http_code}\n' -X PUT "localhost:$PORT/api/v1/stock/$loc/$sku" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' -d "{\"onHand\":$onhand,\"reason\":\"bench hot SKUs\"}"
done | sort | uniq -c | sed 's/^/stock set: /'
AVAILABLE=$(psqlb -At -c "select sum(on_hand - reserved) from stock_level where tenant_id = 'bench' and sku in ($HOTSQL)")
echo "hot SKUs $HOT: $AVAILABLE units available in total"
RUN=two$(date +%s)
for port in $PORT $PORT_B; do
  env CHANNELS="$W3_CHANNELS" SKUS="$HOT" RUN="$RUN-$port" ACK_FILE="$BENCH_DIR/ack-$RUN-$port" WORKLOAD="W3-hot-on-$port" CONC=32 \
    wrk -t2 -c32 -d${HOT_DURATION:-20s} --timeout 30s -s bench/w3-order.lua "http://localhost:$port" > "$BENCH_DIR/wrk-$RUN-$port.txt" 2>&1 &
  WRKS="${WRKS:-} $!"
done
wait $WRKS   # not a bare wait: the servers are background children too
grep -h RESULT "$BENCH_DIR/wrk-$RUN-"*.txt
ORDERED=$(psqlb -At -c "select coalesce(sum(l.quantity), 0) from sales_order o join order_line l on l.tenant_id = o.tenant_id and l.order_id = o.id where o.tenant_id = 'bench' and o.idempotency_key like '$RUN-%' and l.sku in ($HOTSQL)")
echo "units of hot SKUs ordered in the run: $ORDERED of $AVAILABLE available -> $( [ "$ORDERED" -le "$AVAILABLE" ] && echo 'no oversell' || echo OVERSOLD)"
echo "levels of hot SKUs with reserved > on hand: $(psqlb -At -c "select count(*) from stock_level where tenant_id = 'bench' and sku in ($HOTSQL) and reserved > on_hand")"
verify "$RUN" "$BENCH_DIR/ack-$RUN-"*
OK=$?
# the same key to both instances at once, 100 times (normal SKUs)
IDEM=$RUN-same
ch=${W3_CHANNELS%%,*}
for i in $(seq 1 $SAME); do
  body="{\"channelId\":\"$ch\",\"lines\":[{\"sku\":\"SKU-0002$(printf %02d $((i % 90 + 10)))\",\"quantity\":1},{\"sku\":\"SKU-000300\",\"quantity\":1},{\"sku\":\"SKU-000301\",\"quantity\":1}]}"
  for port in $PORT $PORT_B; do
    ( curl -s -m 30 -w ' %{http_code}' -X POST "localhost:$port/api/v1/orders" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -H "Idempotency-Key: $IDEM-$i" -d "$body" | sed -E 's/.*"id":"([0-9a-f-]{36})".* ([0-9]+)$/\1 \2/; s/^\{.* ([0-9]+)$/- \1/' > "$BENCH_DIR/idem-$i-$port" ) &
    PAIR="${PAIR:-} $!"
  done
  wait $PAIR; PAIR=
done
SAMEID=0; DIFF=0; ONE409=0; OTHER=0
for i in $(seq 1 $SAME); do
  read -r ida sa < "$BENCH_DIR/idem-$i-$PORT"; read -r idb sb < "$BENCH_DIR/idem-$i-$PORT_B"
  if [ "$sa" = 201 ] && [ "$sb" = 201 ]; then [ "$ida" = "$idb" ] && SAMEID=$((SAMEID + 1)) || DIFF=$((DIFF + 1));
  elif { [ "$sa" = 201 ] && [ "$sb" = 409 ]; } || { [ "$sa" = 409 ] && [ "$sb" = 201 ]; }; then ONE409=$((ONE409 + 1));
  else OTHER=$((OTHER + 1)); echo "key $i: $sa $sb"; fi
done
ORDERS=$(psqlb -At -c "select count(*) from sales_order where tenant_id = 'bench' and idempotency_key like '$IDEM-%'")
echo "same key to both instances x$SAME: both 201 with the same order $SAMEID, both 201 with different orders $DIFF, one 201 + one 409 in progress $ONE409, other $OTHER; orders in the database for those keys: $ORDERS"
[ "$OK" = 0 ] && [ "$DIFF" = 0 ] && [ "$ORDERS" = "$SAME" ] && [ "$ORDERED" -le "$AVAILABLE" ]
