#!/usr/bin/env bash
# FHIR terminology API benchmark of codeserver-service: $lookup, $validate-code and $expand with a text filter.
# Starts the service jar on its own port with its own embedded PostgreSQL (kept in EMBEDDED_DB_DIR so that the
# bundled code systems are imported only once), warms up, runs wrk (2 threads, 16 connections, 30 s) per operation,
# reads the whole of ICD-10-SE 2022 three times (FULL_READ=no skips it) and stops the service.
# Usage: bench/codeserver-fhir/run.sh [base-url]   (with a URL: no service is started)
# JAVA_OPTS defaults to the JVM options the suite runs the service with. When the script starts the service it also
# prints the service's CPU time per request (user + system, from /proc), which stays comparable on a shared machine
# where req/s and latencies follow the load of everything else.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export BENCH_DIR="$here"
port="${PORT:-18082}"
base="${1:-}"
pid=""
if [[ -z "$base" ]]; then
  jar="$root/codeserver-service/target/codeserver-service.jar"
  [[ -f "$jar" ]] || (cd "$root" && ./mvnw -q -o -pl codeserver-service package -DskipTests)
  export EMBEDDED_DB_DIR="${EMBEDDED_DB_DIR:-/tmp/codeserver-fhir-bench-db}"
  PORT="$port" java ${JAVA_OPTS:--Xms128m -Xmx768m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=96m -Xss512k -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000} -jar "$jar" > /tmp/codeserver-bench.log 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
  base="http://localhost:$port"
  for _ in $(seq 1 300); do
    curl -fs "$base/actuator/health/readiness" > /dev/null 2>&1 && break
    sleep 1
  done
  # start-up time and resident memory once ready (compare with an older commit's jar for a before/after)
  echo "== start-up: $(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' /tmp/codeserver-bench.log | head -1)," \
    "RSS $(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status") MB when ready"
  # the bundled code systems are imported after start-up on a fresh database: wait for ICD-10-SE
  for _ in $(seq 1 300); do
    curl -fs "$base/fhir/CodeSystem/\$lookup?system=http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se&code=A00" > /dev/null 2>&1 && break
    sleep 1
  done
fi
threads="${THREADS:-2}"; connections="${CONNECTIONS:-16}"; duration="${DURATION:-30s}"
cpu_ticks() { [[ -n "$pid" ]] && awk '{print $14 + $15}' "/proc/$pid/stat" || echo 0; }
for op in ${OPS:-lookup validate expand}; do
  wrk -t"$threads" -c"$connections" -d"${WARMUP:-10s}" -s "$here/$op.lua" "$base" > /dev/null   # warm-up
  echo "== $op: wrk -t$threads -c$connections -d$duration -s bench/codeserver-fhir/$op.lua $base"
  before=$(cpu_ticks)
  result=$(wrk -t"$threads" -c"$connections" -d"$duration" -s "$here/$op.lua" "$base" | grep -E '^(requests|latency)')
  after=$(cpu_ticks)
  echo "$result"
  requests=$(echo "$result" | sed -n 's/^requests \([0-9]*\) .*/\1/p')
  if [[ -n "$pid" && -n "$requests" && "$requests" -gt 0 ]]; then
    echo "service CPU $(( (after - before) * 1000000000 / $(getconf CLK_TCK) / requests / 1000 )) µs per request"
  fi
done
if [[ "${FULL_READ:-yes}" == yes ]]; then
  # one whole ICD-10-SE 2022 (every concept): time to the last byte, size, and the service's peak RSS around it
  hwm() { [[ -n "$pid" ]] && awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status" || echo "n/a"; }
  echo "== full read: GET $base/fhir/CodeSystem/icd-10-se-2022 (peak RSS before: $(hwm))"
  for i in 1 2 3; do
    curl -s -o /dev/null -H 'Accept: application/fhir+json' -w "read $i: %{time_total} s, %{size_download} bytes\n" \
      "$base/fhir/CodeSystem/icd-10-se-2022"
  done
  echo "peak RSS after: $(hwm)"
fi
if [[ -n "$pid" ]]; then
  echo "== memory: $(ps -o rss= -p "$pid" | awk '{printf "%.0f MB RSS", $1/1024}')"
fi
