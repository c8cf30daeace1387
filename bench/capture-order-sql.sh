#!/usr/bin/env bash
# Prints the SQL one order placement issues (the source of bench/pgbench-order.sql): restarts the packaged
# server with log_statement=all on its embedded PostgreSQL, places one W3-like order, restores the settings.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
LOGDIR=$BENCH_DIR/pglog; rm -rf "$LOGDIR"; mkdir -p "$LOGDIR"; chmod 777 "$LOGDIR"
start_server "$PORT" "$BENCH_DIR/server-capture.log"
psqlb -c "alter system set logging_collector = on" -c "alter system set log_directory = '$LOGDIR'" \
  -c "alter system set log_filename = 'pg.log'" -c "alter system set log_statement = 'all'" -c "alter system set log_line_prefix = '%p '"
stop_server
start_server "$PORT" "$BENCH_DIR/server-capture.log"
trap 'psqlb -c "alter system reset logging_collector" -c "alter system reset log_directory" -c "alter system reset log_filename" -c "alter system reset log_statement" -c "alter system reset log_line_prefix"; stop_server' EXIT
NO_PARTNER_TOKENS=1 . bench/env.sh
CH=${W3_CHANNELS%%,*}; CU=${CUSTOMERS%%,*}
curl -s -o /dev/null -X POST "localhost:$PORT/api/v1/orders" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: capture-warm-$(date +%s)" -d "{\"channelId\":\"$CH\",\"customerId\":\"$CU\",\"lines\":[{\"sku\":\"SKU-000011\",\"quantity\":1},{\"sku\":\"SKU-000012\",\"quantity\":2},{\"sku\":\"SKU-000013\",\"quantity\":1}]}"
sleep 1
: > "$LOGDIR/pg.log.mark"; MARK=$(wc -l < "$LOGDIR/pg.log")
curl -s -w '\n%{http_code}\n' -X POST "localhost:$PORT/api/v1/orders" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: capture-$(date +%s)" -d "{\"channelId\":\"$CH\",\"customerId\":\"$CU\",\"lines\":[{\"sku\":\"SKU-000021\",\"quantity\":1},{\"sku\":\"SKU-000022\",\"quantity\":2},{\"sku\":\"SKU-000023\",\"quantity\":1}]}" | tail -1
sleep 1
tail -n +$((MARK + 1)) "$LOGDIR/pg.log" > "$BENCH_DIR/order-sql.log"
echo "channel $CH customer $CU; statements: $(grep -c 'LOG:  \(execute\|statement\)' "$BENCH_DIR/order-sql.log")"
cat "$BENCH_DIR/order-sql.log"
