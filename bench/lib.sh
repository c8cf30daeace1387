# Shared helpers for the bench scripts (sourced, not run). The packaged server runs its embedded PostgreSQL
# under $BENCH_DIR/pg; its port is line 4 of postmaster.pid and the password of user postgres is in $BENCH_DIR/pg.password.
BENCH_DIR=${BENCH_DIR:-/tmp/channelhub-bench}
PORT=${PORT:-18080}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
mkdir -p "$BENCH_DIR"

pg_pid() { head -1 "$BENCH_DIR/pg/postmaster.pid" 2>/dev/null; }
pg_port() { sed -n 4p "$BENCH_DIR/pg/postmaster.pid"; }
pg_alive() { [ -f "$BENCH_DIR/pg/postmaster.pid" ] && kill -0 "$(pg_pid)" 2>/dev/null; }
psqlb() { PGPASSWORD="$(cat "$BENCH_DIR/pg.password")" psql -X -q -h 127.0.0.1 -p "$(pg_port)" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
# The pg_ctl of the binaries the embedded PostgreSQL runs (zonky extracts them under the temp directory).
pg_bin() { dirname "$(readlink -f "/proc/$(pg_pid)/exe")"; }

# start_server PORT [LOG] [extra env...]: starts the jar in the background; sets SERVER_PID and STARTUP_S
# (seconds from exec to /q/health/ready answering 200).
start_server() {
  local port=$1 log=${2:-$BENCH_DIR/server-$1.log}
  shift 2 || shift $#
  local t0; t0=$(date +%s.%N)
  env CHANNELHUB_DATA_DIR="$BENCH_DIR" PORT="$port" "$@" java ${JAVA_OPTS--Xmx160m -XX:+UseSerialGC -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000} -jar "$JAR" >> "$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "localhost:$port/q/health/ready"; then
      STARTUP_S=$(echo "$(date +%s.%N) - $t0" | bc)
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server on $port died; see $log" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "server on $port not ready after 120 s; see $log" >&2
  return 1
}

stop_server() {
  local pid=${1:-$SERVER_PID}
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

token() { CHANNELHUB_DATA_DIR="$BENCH_DIR" java -jar "$JAR" token "$@" 2>/dev/null | tail -1; }

# probe RUN FILE: one W3-like order every 0.25 s (curl, 20 s timeout) until killed; appends
# "elapsed_s status seconds id" per request to FILE. Needs TOKEN and W3_CHANNELS.
probe() {
  local run=$1 file=$2 n=0 t0; t0=$(date +%s.%N)
  local ch=${W3_CHANNELS%%,*}
  while true; do
    n=$((n + 1))
    local body out
    body="{\"channelId\":\"$ch\",\"lines\":[{\"sku\":\"SKU-000001\",\"quantity\":1},{\"sku\":\"SKU-000002\",\"quantity\":1},{\"sku\":\"SKU-000003\",\"quantity\":1}]}"
    out=$(curl -s -m 20 -o "$file.body" -w '%{http_code} %{time_total}' -X POST "localhost:$PORT/api/v1/orders" \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: $run-probe-$n" -d "$body" || true)
    local id; id=$(grep -o '"id":"[0-9a-f-]*"' "$file.body" 2>/dev/null | head -1 | cut -d'"' -f4)
    [ "${out%% *}" = 503 ] && [ ! -f "$file.503" ] && cp "$file.body" "$file.503"
    echo "$(echo "$(date +%s.%N) - $t0" | bc) ${out:-000 0} ${id:--}" >> "$file"
    sleep 0.25
  done
}

# verify RUN ACKFILES...: orders whose Idempotency-Key starts with RUN- against the ids acknowledged with 201,
# then the consistency checks of bench/check.sql. Prints a summary; returns 1 when an acknowledged order is
# missing, duplicated, or a check fails.
verify() {
  local run=$1; shift
  cat "$@" 2>/dev/null | grep -E '^[0-9a-f-]{36}$' | sort -u > "$BENCH_DIR/acked-$run.txt" || true
  local out
  out=$(psqlb -At -F' ' -c "create temp table ack (id uuid primary key)" -c "\\copy ack from '$BENCH_DIR/acked-$run.txt'" -c "
    select (select count(*) from ack),
           (select count(*) from sales_order where tenant_id = 'bench' and idempotency_key like '$run-%'),
           (select count(*) from ack a where not exists (select 1 from sales_order o where o.tenant_id = 'bench' and o.id = a.id)),
           (select count(*) from sales_order o where o.tenant_id = 'bench' and o.idempotency_key like '$run-%'
              and not exists (select 1 from ack a where a.id = o.id)),
           (select count(*) - count(distinct idempotency_key) from sales_order where tenant_id = 'bench' and idempotency_key like '$run-%'),
           (select count(*) from idempotency_key where tenant_id = 'bench' and key like '$run-%' and state = 'PENDING')")
  read -r acked indb lost unacked dup pending <<< "$out"
  echo "orders acknowledged (201): $acked; orders in the database: $indb; acknowledged but missing: $lost; duplicates: $dup;"
  echo "committed but not acknowledged (client saw an error or no answer): $unacked; idempotency keys left PENDING: $pending"
  local bad; bad=$(psqlb -At -F' ' -f bench/check.sql | awk 'NF == 2 && $NF ~ /^[0-9]+$/ && $NF > 0')
  if [ -n "$bad" ]; then echo "consistency checks FAILED:"; echo "$bad"; else echo "consistency checks (bench/check.sql): all 0"; fi
  [ "$lost" = 0 ] && [ "$dup" = 0 ] && [ -z "$bad" ]
}

# summary of a probe file: during [from, to) seconds, statuses and the slowest answer
probe_summary() {
  awk -v from="$2" -v to="$3" '$1 >= from && $1 < to { n++; c[$2]++; if ($3 > max) max = $3 }
    END { s = ""; for (k in c) s = s k "x" c[k] " "; printf "%d probes, statuses %s, slowest %.2f s\n", n, s, max }' "$1"
}

# start_sink: bench/webhook-sink.py on SINK_PORT (default 18099) in the background; sets SINK (its pid) and lets the
# server deliver to loopback (call before start_server).
start_sink() {
  SINK_PORT=${SINK_PORT:-18099}
  python3 bench/webhook-sink.py "$SINK_PORT" & SINK=$!
  export CHANNELHUB_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true
}

# create_webhook TOKEN IDEMPOTENCY_KEY URL EVENTS_JSON: creates a webhook on the running server; prints its id.
create_webhook() {
  curl -s -X POST "localhost:$PORT/api/v1/webhooks" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $2" -d "{\"url\":\"$3\",\"events\":$4,\"secret\":\"bench-secret-0123456789\"}" \
    | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4
}
