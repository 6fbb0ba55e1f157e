#!/usr/bin/env bash
# Benchmarks the code server's JSON API: start-up import of all bundled code systems (fresh database), memory (RSS)
# with everything loaded, then wrk (2 threads, 16 connections, 30 s after a 10 s warm-up) on code lookup and on
# text search over ICD-10-SE 2022. Run from the repository root:  bench/codeserver/run.sh
# Needs: wrk, a built jar (./mvnw -q -o -pl codeserver-service package -DskipTests).
set -euo pipefail
PORT=${PORT:-18082}
DB_DIR=${EMBEDDED_DB_DIR:-/tmp/codeserver-json-bench-db}
DURATION=${DURATION:-30s}
JAR=codeserver-service/target/codeserver-service.jar
LOG=/tmp/codeserver-json-bench.log
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -q -o -pl codeserver-service package -DskipTests"; exit 1; }
if [ "${FRESH:-1}" = 1 ]; then rm -rf "$DB_DIR"; fi

PORT=$PORT EMBEDDED_DB_DIR=$DB_DIR java ${JAVA_OPTS:-} -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
started=$(date +%s.%N)
until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do
  kill -0 $PID 2>/dev/null || { echo "service died, see $LOG"; exit 1; }
  sleep 0.5
done
ready=$(date +%s.%N)
echo "ready after $(echo "$ready - $started" | bc) s (JVM start, embedded PostgreSQL, Flyway, bundled import or index build)"
grep -E "loaded [0-9]+ concepts|already loaded|Bundled code systems ready|Indexed .* version" "$LOG" | sed 's/.*\] //' || true
echo "RSS after start: $(grep VmRSS /proc/$PID/status | awk '{print $2/1024 " MB"}')"

curl -s "http://localhost:$PORT/codes/api/v1/code-systems/icd-10-se/concepts/F32.1" >/dev/null
echo "--- warm-up"
wrk -t2 -c16 -d10s -s bench/codeserver/lookup.lua "http://localhost:$PORT" >/dev/null
wrk -t2 -c16 -d10s -s bench/codeserver/search.lua "http://localhost:$PORT" >/dev/null
# CPU seconds the service used (user + system), to report CPU time per request next to the throughput: on a
# machine shared with other work the throughput says little, the CPU cost per request says more.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' /proc/$PID/stat; }
measure() {
  local name=$1 script=$2 before after out requests
  before=$(cpu)
  out=$(wrk -t2 -c16 -d$DURATION --latency -s "$script" "http://localhost:$PORT")
  after=$(cpu)
  echo "$out" | grep -E "codes=|words=|Socket|Non-2xx"
  requests=$(echo "$out" | grep -oE "requests=[0-9]+" | head -1 | cut -d= -f2)
  echo "$name: service CPU $(echo "scale=3; ($after - $before) * 1000 / $requests" | bc) ms per request; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
echo "--- lookup (random ICD-10-SE 2022 codes, half with dot): wrk -t2 -c16 -d$DURATION"
measure lookup bench/codeserver/lookup.lua
echo "--- search (every query different, limit=20): wrk -t2 -c16 -d$DURATION"
measure search bench/codeserver/search.lua
echo "RSS after load: $(grep VmRSS /proc/$PID/status | awk '{print $2/1024 " MB"}')"
