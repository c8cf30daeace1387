# Shared helpers for the bench scripts (sourced, not run). The packaged server runs its embedded PostgreSQL
# under $BENCH_DIR/pg; its port is line 4 of postmaster.pid and it trusts the local user postgres.
BENCH_DIR=${BENCH_DIR:-/tmp/channelhub-bench}
PORT=${PORT:-18080}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
mkdir -p "$BENCH_DIR"

pg_pid() { head -1 "$BENCH_DIR/pg/postmaster.pid" 2>/dev/null; }
pg_port() { sed -n 4p "$BENCH_DIR/pg/postmaster.pid"; }
pg_alive() { [ -f "$BENCH_DIR/pg/postmaster.pid" ] && kill -0 "$(pg_pid)" 2>/dev/null; }
psqlb() { psql -X -q -h localhost -p "$(pg_port)" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
# The pg_ctl of the binaries the embedded PostgreSQL runs (zonky extracts them under the temp directory).
pg_bin() { dirname "$(readlink -f "/proc/$(pg_pid)/exe")"; }

# start_server PORT [LOG] [extra env...]: starts the jar in the background; sets SERVER_PID and STARTUP_S
# (seconds from exec to /q/health/ready answering 200).
start_server() {
  local port=$1 log=${2:-$BENCH_DIR/server-$1.log}
  shift 2 || shift $#
  local t0; t0=$(date +%s.%N)
  env CHANNELHUB_DATA_DIR="$BENCH_DIR" PORT="$port" "$@" java ${JAVA_OPTS:-} -jar "$JAR" >> "$log" 2>&1 &
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

token() { java -jar "$JAR" token "$@" 2>/dev/null | tail -1; }
