#!/usr/bin/env bash
# W3 versus pgbench: runs bench/pgbench-order.sql (the SQL of one order placement, and the rollup feed beside it) with pgbench -c16 -j2 -T
# against the bench PostgreSQL, then prints pgbench's tps and, when W3_RPS is given (API orders/s at c=16),
# the ratio API orders/s / pgbench tps. Needs the server (and so its PostgreSQL) running; from the repository root.
# PGBENCH_OPTS=-r adds the slowest statements (pgbench per-statement latencies).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${1:-30s}
q() { psqlb -At -c "$1"; }
CHS=$(q "select string_agg(id::text, ',') from (select id from channel where tenant_id = 'bench' and status = 'ACTIVE' and credit_limit is null order by code limit 200) x")
CUS=$(q "select string_agg(id::text, ',') from (select id from customer c where tenant_id = 'bench' and status = 'ACTIVE' order by md5(id::text) limit 1000) x")
NSKU=$(q "select count(*) from product where tenant_id = 'bench'")
# Per channel, the lists that may apply to it (currency, validity, channel / group / type scope): what the API's
# PricingCache derives in memory and passes to the quote's one statement. Dropped again at the end.
psqlb -q -c "drop table if exists pgbench_lists" -c "create table pgbench_lists as
  select c.idx::int as idx, coalesce(array_agg(l.id order by l.id) filter (where l.id is not null), '{}') as ids
  from unnest('{$CHS}'::uuid[]) with ordinality c(id, idx)
  join channel ch on ch.tenant_id = 'bench' and ch.id = c.id
  cross join lateral (select array(select m.group_id from channel_group_member m where m.tenant_id = 'bench' and m.channel_id = ch.id
    union select g.id from channel_group g where g.tenant_id = 'bench' and g.has_rule and (g.rule_types is null or ch.type = any(g.rule_types))
    and (g.rule_tiers is null or ch.tier = any(g.rule_tiers)) and (g.rule_regions is null or ch.region = any(g.rule_regions))) as grps) gr
  left join price_list l on l.tenant_id = 'bench' and l.currency = ch.currency and (l.valid_from is null or l.valid_from <= now())
    and (l.valid_to is null or l.valid_to > now()) and (cardinality(l.channel_ids) = 0 or ch.id = any(l.channel_ids))
    and (cardinality(l.channel_group_ids) = 0 or l.channel_group_ids && gr.grps) and (cardinality(l.channel_types) = 0 or ch.type = any(l.channel_types))
  group by c.idx"
psqlb -q -c "create sequence if not exists pgbench_order_no"
trap 'psqlb -q -c "drop table if exists pgbench_lists" -c "drop sequence if exists pgbench_order_no"' EXIT
# The API applies the sales rollups from the outbox beside the orders (SalesRollupFeed, every 0.5 s): so does this run.
FEED_END=$((SECONDS + ${DURATION%s}))
( while [ $SECONDS -lt $FEED_END ]; do
    psqlb -qAt -c "select analytics_apply_outbox('Asia/Shanghai', 2000, false)" >/dev/null 2>&1 || true; sleep 0.5
  done ) &
FEED_PID=$!
OUT=$(set +e; PGPASSWORD="$(cat "$BENCH_DIR/pg.password")" pgbench -n -c16 -j2 -T"${DURATION%s}" ${PGBENCH_OPTS:-} -M prepared -f bench/pgbench-order.sql -D chs="{$CHS}" -D cus="{$CUS}" -D nsku="$NSKU" -D run="$(date +%s)" \
  -h localhost -p "$(pg_port)" -U postgres postgres 2>&1; true) # an aborted run still prints its errors below
wait $FEED_PID 2>/dev/null || true
TPS=$(echo "$OUT" | awk '/^tps = / { print $3; exit }')
LAT=$(echo "$OUT" | awk '/latency average/ { print $4; exit }')
FAILED=$(echo "$OUT" | awk '/number of failed transactions/ { print $5; exit }')
[ -z "${PGBENCH_OPTS:-}" ] || echo "$OUT" | grep -E "^ +[0-9.]+ +[0-9]+ +" | sort -rn | head -8 | cut -c1-160 || true
echo "RESULT pgbench-order c=16: $TPS tps  latency avg $LAT ms  failed ${FAILED:-0}"
[ "$TPS" ] || echo "$OUT" | tail -20
if [ -n "${W3_RPS:-}" ] && [ -n "$TPS" ]; then
  echo "RESULT W3/pgbench: API $W3_RPS orders/s / pgbench $TPS tps = $(python3 -c "print(f'{$W3_RPS / $TPS * 100:.0f} %')")"
fi
