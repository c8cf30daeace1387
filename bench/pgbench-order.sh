#!/usr/bin/env bash
# W3 versus pgbench: runs bench/pgbench-order.sql (the SQL of one order placement) with pgbench -c16 -j2 -T
# against the bench PostgreSQL, then prints pgbench's tps and, when W3_RPS is given (API orders/s at c=16),
# the ratio API orders/s / pgbench tps. Needs the server (and so its PostgreSQL) running; from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${1:-30s}
q() { psqlb -At -c "$1"; }
CHS=$(q "select string_agg(id::text, ',') from (select id from channel where tenant_id = 'bench' and status = 'ACTIVE' and credit_limit is null order by code limit 20) x")
CUS=$(q "select string_agg(id::text, ',') from (select id from customer c where tenant_id = 'bench' and status = 'ACTIVE' order by md5(id::text) limit 20) x")
NSKU=$(q "select count(*) from product where tenant_id = 'bench'")
OUT=$(pgbench -n -c16 -j2 -T"${DURATION%s}" -M prepared -f bench/pgbench-order.sql -D chs="{$CHS}" -D cus="{$CUS}" -D nsku="$NSKU" \
  -h localhost -p "$(pg_port)" -U postgres postgres 2>&1)
TPS=$(echo "$OUT" | awk '/^tps = / { print $3; exit }')
LAT=$(echo "$OUT" | awk '/latency average/ { print $4; exit }')
FAILED=$(echo "$OUT" | awk '/number of failed transactions/ { print $5; exit }')
echo "RESULT pgbench-order c=16: $TPS tps  latency avg $LAT ms  failed ${FAILED:-0}"
[ "$TPS" ] || echo "$OUT" | tail -20
if [ -n "${W3_RPS:-}" ] && [ -n "$TPS" ]; then
  echo "RESULT W3/pgbench: API $W3_RPS orders/s / pgbench $TPS tps = $(python3 -c "print(f'{$W3_RPS / $TPS * 100:.0f} %')")"
fi
