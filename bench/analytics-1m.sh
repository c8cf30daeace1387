#!/usr/bin/env bash
# Times the analytics reports over 1,000,000 orders (bench/analytics-1m.sql: tenant bench-an, 200 channels, 10,000
# SKUs, orders from 2025-11-27 to 2026-11-26) through the packaged server: the sales report and its cross-tab and
# origin forms, the CSV export, profitability, growth, churn, forecast and a scorecard. Loads the data set on the
# first run (minutes), then reuses it. Usage from the repository root after `./mvnw -B package -DskipTests`:
#   bench/analytics-1m.sh [repeats per request, default 3]     (prints a Markdown table: best and worst wall time)
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_DIR=${BENCH_DIR:-/tmp/channelhub-an1m} PORT=${PORT:-18081}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
. bench/lib.sh
REPEATS=${1:-3}
start_server "$PORT" "$BENCH_DIR/server.log"
trap stop_server EXIT
if [ "$(psqlb -At -c "select count(*) from sales_order where tenant_id = 'bench-an'")" -lt 1000000 ]; then
  echo "loading bench/analytics-1m.sql (several minutes; log in $BENCH_DIR/load.log)"
  psqlb -f bench/analytics-1m.sql > "$BENCH_DIR/load.log" 2>&1
fi
TOKEN=$(CHANNELHUB_DATA_DIR="$BENCH_DIR" java -jar "$JAR" token --tenant bench-an --roles manager --ttl 7200)
CH=$(psqlb -At -c "select id from channel where tenant_id = 'bench-an' order by code limit 1")
Y='from=2025-11-27&to=2026-11-26'

echo "date $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(psqlb -At -c "select count(*) from sales_order where tenant_id = 'bench-an'") orders"
echo
echo "| request | status | best | worst |"
echo "|---|---|---|---|"
t() { # t LABEL PATH [curl args...]: one warm-up call, then REPEATS timed ones
  local label=$1 path=$2; shift 2
  local best='' worst='' code='' out s i
  for i in $(seq 0 "$REPEATS"); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$@" "localhost:$PORT$path")
    code=${out% *}; s=${out#* }
    [ "$i" -eq 0 ] && continue
    best=$(awk -v a="$s" -v b="${best:-$s}" 'BEGIN {print (a < b) ? a : b}')
    worst=$(awk -v a="$s" -v b="${worst:-$s}" 'BEGIN {print (a > b) ? a : b}')
  done
  printf '| %s | %s | %.2f s | %.2f s |\n' "$label" "$code" "$best" "$worst"
}
t "sales by channel, a year" "/api/v1/analytics/sales?groupBy=channel&$Y"
t "sales by SKU, a year (first page of 50)" "/api/v1/analytics/sales?groupBy=sku&$Y"
t "cross-tab channel x month, a year" "/api/v1/analytics/sales?groupBy=channel&thenBy=month&$Y&limit=500"
t "cross-tab region x category, a year" "/api/v1/analytics/sales?groupBy=region&thenBy=category&$Y"
t "sales by channel, attribution=origin, a year" "/api/v1/analytics/sales?groupBy=channel&attribution=origin&$Y"
t "CSV export, sales by SKU, a year (10,000 rows)" "/api/v1/analytics/sales?groupBy=sku&$Y" -H 'Accept: text/csv'
t "profitability by channel, a year" "/api/v1/analytics/profitability?groupBy=channel&$Y"
t "profitability by region, a year" "/api/v1/analytics/profitability?groupBy=region&$Y"
t "growth by channel, 2026-10 vs 2026-09" "/api/v1/analytics/growth?groupBy=channel&period=2026-10"
t "growth by channel type, 2026 vs 2025" "/api/v1/analytics/growth?groupBy=channelType&period=2026"
t "churn, tenant, as of 2026-11-27" "/api/v1/analytics/churn?asOf=2026-11-27"
t "forecast, tenant, 3 months" "/api/v1/analytics/forecast?months=3&asOf=2026-11-27"
t "forecast, one channel, 3 months" "/api/v1/analytics/forecast?channelId=$CH&months=3&asOf=2026-11-27"
t "scorecard of one channel, a year" "/api/v1/analytics/channels/$CH/scorecard?$Y"
