#!/usr/bin/env bash
# Benchmarks hosp-service on localhost (not through the gateway): generate + load of the synthetic register,
# person lookup with audit, the same lookup without the audit write (benchmark profile only), bulk licence check.
# usage: bench/hosp/run.sh [persons=500000] [duration=30s] [connections=32]   (duration in whole seconds, e.g. 30s)
# needs: wrk, openssl, python3; builds the jar unless SKIP_BUILD=1 (JAR=path runs another jar); KEEP_DB=1 reuses a loaded database;
# WARMUP=60s lengthens the warm-up before each lookup measurement (default 20s); JAVA_OPTS defaults to the suite's
# options for the service (add e.g. -XX:StartFlightRecording=filename=/tmp/hosp.jfr,settings=profile to profile);
# BULK=0 skips the bulk checks, NOAUDIT=0 the run without the audit write; PG_STATS=1 loads pg_stat_statements into
# the benchmark's own PostgreSQL (takes effect from the next start on a kept database) and prints the statements
# per request of each lookup measurement.
set -euo pipefail
cd "$(dirname "$0")/../.."
PERSONS=${1:-500000}
DURATION=${2:-30s}
CONNECTIONS=${3:-32}
PORT=${PORT:-18083}
JWKS_PORT=${JWKS_PORT:-18990}
WORK=${WORK:-/tmp/hosp-bench}
DB_DIR="$WORK/db"
JAR=${JAR:-hosp-service/target/hosp-service.jar}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000}
mkdir -p "$WORK"

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -o -pl hosp-service package -DskipTests

echo "== token and JWK set"
python3 bench/hosp/token.py "$WORK"
python3 -m http.server "$JWKS_PORT" --bind 127.0.0.1 --directory "$WORK" >/dev/null 2>&1 &
JWKS_PID=$!
SERVICE_PID=
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  kill "$JWKS_PID" 2>/dev/null || true
}
trap cleanup EXIT

echo "== identity numbers of the first 20,000 generated persons (same generator, same seed)"
java -cp "$JAR" -Dloader.main=org.example.hosp.synthetic.SyntheticRegisterGenerator \
  org.springframework.boot.loader.launch.PropertiesLauncher 20000 > "$WORK/ids.txt"
wc -l < "$WORK/ids.txt"

start_service() { # $1 = log file, rest = extra env
  local log=$1; shift
  env PORT="$PORT" EMBEDDED_DB_DIR="$DB_DIR" HOSP_SYNTHETIC_REGISTER_ENABLED=true HOSP_SYNTHETIC_PERSONS="$PERSONS" \
    JWK_SET_URI="http://127.0.0.1:$JWKS_PORT/jwks.json" LOGGING_LEVEL_ROOT=WARN \
    LOGGING_LEVEL_ORG_EXAMPLE_HOSP_SYNTHETIC=INFO "$@" \
    java $JAVA_OPTS -jar "$JAR" > "$log" 2>&1 &
  SERVICE_PID=$!
  local started=$(date +%s)
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died, see $log"; exit 1; }
    sleep 1
  done
  echo "ready after $(( $(date +%s) - started )) s (JVM start + migrations + register load)"
}
source bench/hosp/cpu.sh
# wrk with the CPU the service (JVM + PostgreSQL) spent per request: a load-independent figure on a shared machine
measure() { # $1 = lua script, rest = wrk options
  local script=$1; shift
  local before; before=$(cpu_seconds "$SERVICE_PID" "$DB_DIR")
  statements_reset
  local out; out=$(wrk "$@" --latency -s "$script" "http://localhost:$PORT" | tail -1)
  local after; after=$(cpu_seconds "$SERVICE_PID" "$DB_DIR")
  local rps; rps=$(echo "$out" | sed -E 's/requests\/s: ([0-9.]+).*/\1/')
  local secs; secs=$(echo "$@" | sed -E 's/.*-d([0-9]+)s.*/\1/')
  echo "$out"
  echo "$before $after $rps $secs" | awk '{cpu=$2-$1; n=$3*$4; printf "  service CPU: %.1f s for %d requests = %.2f ms CPU per request (=> ~%d req/s on 2 free cores)  load avg: ", cpu, n, 1000*cpu/n, 2000/(1000*cpu/n)}'
  cut -d' ' -f1 /proc/loadavg
  statements_report "$(echo "$rps $secs" | awk '{printf "%d", $1 * $2}')"
}
# psql on the benchmark's own PostgreSQL (port from postmaster.pid)
sql() {
  psql -X -q -A -t -h localhost -p "$(sed -n 4p "$DB_DIR/postmaster.pid")" -U postgres -d hosp_service -c "$1"
}
# statements per request since the last reset, by pg_stat_statements (PG_STATS=1)
statements_reset() {
  [ "${PG_STATS:-0}" = 1 ] || return 0
  sql "create extension if not exists pg_stat_statements" 2>/dev/null && sql "select pg_stat_statements_reset()" >/dev/null || true
}
statements_report() { # $1 = requests
  [ "${PG_STATS:-0}" = 1 ] || return 0
  sql "select to_char(calls::numeric / $1, 'FM990.00') || ' per request: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 110)
       from pg_stat_statements where dbid = (select oid from pg_database where datname = 'hosp_service')
       and calls > $1 / 100 order by calls desc" 2>/dev/null | sed 's/^/  /' || true
}
stop_service() {
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=
}

WARMUP=${WARMUP:-20s}
if [ "${PG_STATS:-0}" = 1 ] && [ -f "$DB_DIR/postgresql.auto.conf" ] \
    && ! grep -q pg_stat_statements "$DB_DIR/postgresql.auto.conf"; then
  echo "shared_preload_libraries = 'pg_stat_statements'" >> "$DB_DIR/postgresql.auto.conf"
fi
echo "== JAVA_OPTS: $JAVA_OPTS"
if [ "${KEEP_DB:-0}" = 1 ]; then
  echo "== reusing the loaded database in $DB_DIR (KEEP_DB=1; the load is skipped)"
else
  echo "== generate + load $PERSONS persons (fresh database)"
  rm -rf "$DB_DIR"
fi
start_service "$WORK/service-audit.log"
grep -o "Synthetic register: .*" "$WORK/service-audit.log" || true
echo "  service CPU from start to ready (JVM start + migrations + generate + COPY): $(cpu_seconds "$SERVICE_PID" "$DB_DIR") s  load avg: $(cut -d' ' -f1 /proc/loadavg)"

export IDS_FILE="$WORK/ids.txt"
export TOKEN
TOKEN=$(cat "$WORK/token-public.txt")
echo "== warm-up"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/hosp/lookup.lua "http://localhost:$PORT" > /dev/null
AUDIT_BEFORE=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/hosp/api/v1/persons/$(head -1 "$IDS_FILE")")
echo "== person lookup WITH audit ($DURATION, $CONNECTIONS connections, status of a sample call: $AUDIT_BEFORE)"
measure bench/hosp/lookup.lua -t2 -c"$CONNECTIONS" -d"$DURATION"

if [ "${BULK:-1}" = 1 ]; then
  echo "== bulk licence check, 1,000 pairs per request (1 connection, then 4)"
  measure bench/hosp/bulk.lua -t1 -c1 -d"$DURATION"
  measure bench/hosp/bulk.lua -t2 -c4 -d"$DURATION"
fi
stop_service
[ "${NOAUDIT:-1}" = 1 ] || exit 0

echo "== person lookup WITHOUT the audit write (benchmark profile, hosp.audit.enabled=false), same database"
start_service "$WORK/service-noaudit.log" SPRING_PROFILES_ACTIVE=benchmark HOSP_AUDIT_ENABLED=false
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/hosp/lookup.lua "http://localhost:$PORT" > /dev/null
measure bench/hosp/lookup.lua -t2 -c"$CONNECTIONS" -d"$DURATION"
stop_service
