#!/usr/bin/env bash
# Benchmarks fmb-service on localhost. Build first: ./mvnw -q -o -pl fmb-service package -DskipTests
# Starts the service on $PORT (default 18081) with its own embedded PostgreSQL, a stand-in JWK set on 18998 (so no
# gateway is needed) and, unless CODESERVER_URL is given, a stand-in code server on 18999 that answers
# $validate-code for the codes of checkable-codes.txt; runs wrk, prints the figures, and stops what it started.
#
#   JAVA_OPTS    JVM options; default: those the suite's launcher gives the service
#   CONNECTIONS  wrk connections (default 16, as the suite's benchmark; 2 threads)
#   WARMUP       warm-up per endpoint before it is measured (default 30s)
#   DURATION     measurement per endpoint (default 30s)
#   ROUNDS       how many times by-code and by-code-gzip are measured in turn (default 1; the first round's CPU
#                time includes the JIT compiling the lookup under the suite's raised JIT thresholds)
#   ONLY         which figures: any of "baseline by-code by-code-gzip sick-leave collections adherence" (default: all)
#                (with the service started here, each wrk figure also prints fmb-service's CPU time per request)
#   SUITE_URL    run against a running suite's gateway instead (e.g. http://localhost:8080, tokens from its issuer
#                for the demo clients webcert and fmb-analyst); nothing is started, and CPU time is not shown
#   EPISODES     the synthetic episodes for "adherence" (default 1000000; generated once into /tmp, see
#                SyntheticEpisodes.java)
#   JFR          a file name: record a JFR profile (settings=profile) of the measured runs only
#   CODESERVER_URL  a live code server instead of the stand-in
#   JAR          the jar to run (default: fmb-service/target/fmb-service.jar)
#   BENCH_DB_DIR the embedded database's folder, kept between runs (default /tmp/fmb-bench-db-full; the content is
#                loaded only into an empty database)
# Run it under `flock /tmp/bench.lock` on a shared machine.
set -euo pipefail
cd "$(dirname "$0")"
export BENCH_DIR="$PWD"
PORT=${PORT:-18081}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-16}
ONLY=${ONLY:-baseline by-code by-code-gzip sick-leave collections adherence}
EPISODES=${EPISODES:-1000000}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000}
JAVA=${JAVA:-java}
BASE=http://localhost:$PORT
ROOT=$(cd ../.. && pwd)
PYTHON=${PYTHON:-python3}  # needs PyJWT and cryptography (Debian: python3-jwt)

APP_PID=
if [ -n "${SUITE_URL:-}" ]; then
  BASE=$SUITE_URL
  token() { curl -s -u "$1:$1-secret" -d grant_type=client_credentials "$BASE/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
  TOKEN=$(token webcert); export TOKEN
  ANALYST_TOKEN=$(token fmb-analyst)
  CODESERVER_PID=
else
  "$PYTHON" jwks.py serve 18998 /tmp/fmb-bench-key.pem & JWKS_PID=$!
  CODESERVER_PID=
  if [ -z "${CODESERVER_URL:-}" ]; then
    "$PYTHON" codeserver.py 18999 checkable-codes.txt & CODESERVER_PID=$!
    CODESERVER_URL=http://localhost:18999
  fi
  # shellcheck disable=SC2086
  PORT=$PORT EMBEDDED_DB_DIR=${BENCH_DB_DIR:-/tmp/fmb-bench-db-full} CODESERVER_URL=$CODESERVER_URL \
    JWK_SET_URI=http://localhost:18998/jwks "$JAVA" $JAVA_OPTS -jar "${JAR:-$ROOT/fmb-service/target/fmb-service.jar}" \
    > /tmp/fmb-bench.log 2>&1 &
  APP_PID=$!
  trap 'kill $APP_PID $JWKS_PID $CODESERVER_PID 2>/dev/null || true' EXIT
  until curl -sf "$BASE/actuator/health/readiness" > /dev/null; do
    kill -0 $APP_PID 2>/dev/null || { echo "fmb-service did not start, see /tmp/fmb-bench.log"; exit 1; }
    sleep 2
  done
  TOKEN=$("$PYTHON" jwks.py token /tmp/fmb-bench-key.pem fmb.read); export TOKEN
  TOKEN=$("$PYTHON" jwks.py token /tmp/fmb-bench-key.pem fmb.read); export TOKEN
  ANALYST_TOKEN=$("$PYTHON" jwks.py token /tmp/fmb-bench-key.pem fmb.analyse)
fi
echo "== $(date -u '+%F %T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS=$JAVA_OPTS; wrk -t2 -c$CONNECTIONS"

wanted() { [[ " $ONLY " == *" $1 "* ]]; }
recording=
record() {
  if [ -n "${JFR:-}" ] && [ -z "$recording" ]; then
    [ -n "$APP_PID" ] || return 0
    jcmd $APP_PID JFR.start name=bench settings=profile filename="$JFR" > /dev/null; recording=1
  fi
}
stop_recording() {
  if [ -n "$recording" ]; then jcmd $APP_PID JFR.stop name=bench > /dev/null; echo "== profile in $JFR"; fi
}
# CPU seconds of a process, its children that ended and those still running: "user system"
cpu_split() {
  local pid=$1 user=0 system=0
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || { echo "0 0"; return; }
  read -r user system < <(awk '{print $14+$16, $15+$17}' "/proc/$pid/stat")
  for child in $(pgrep -P "$pid" || true); do
    read -r u s < <(awk '{print $14, $15}' "/proc/$child/stat" 2>/dev/null || echo "0 0")
    user=$((user + u)); system=$((system + s))
  done
  awk -v u="$user" -v s="$system" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f %.2f", u / hz, s / hz}'
}
# CPU seconds (user + system)
cpu_seconds() { cpu_split "$1" | awk '{printf "%.1f", $1 + $2}'; }
measure() {  # name, wrk arguments...; with the service started here, also its CPU time per request (user and system)
  local name=$1; shift
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$@" > /dev/null
  record
  echo "== $name"
  local before; before=$(cpu_split "$APP_PID")
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | tee /tmp/fmb-bench-wrk.txt
  if [ -n "$APP_PID" ]; then
    awk -v after="$(cpu_split "$APP_PID")" -v before="$before" '/requests in/ {n = $1}
      END {split(after, a, " "); split(before, b, " "); u = a[1] - b[1]; s = a[2] - b[2]
        if (n > 0) printf "CPU time of fmb-service: %.1f s for %d requests = %.0f us per request (user %.0f us, system %.0f us)\n", u + s, n, (u + s) * 1e6 / n, u * 1e6 / n, s * 1e6 / n}' \
      /tmp/fmb-bench-wrk.txt
  fi
}

if wanted baseline && [ -z "${SUITE_URL:-}" ]; then
  measure "baseline: GET /actuator/health/liveness (what this machine gives a trivial endpoint right now)" \
    "$BASE/actuator/health/liveness"
fi
for round in $(seq 1 "${ROUNDS:-1}"); do
  [ "${ROUNDS:-1}" -gt 1 ] && echo "== round $round"
  if wanted by-code; then
    if [ "$round" = 1 ]; then
      echo "== the answer's status line and headers (F32.1, plain):"
      curl -s -o /dev/null -D - "$BASE/fmb/api/v1/diagnoses/by-code/F32.1" | tr -d '\r' | sed 's/^/   /'
    fi
    measure "diagnosis by code (random codes)" -s by-code.lua "$BASE"
  fi
  if wanted by-code-gzip; then
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '== one answer with Accept-Encoding: gzip: %{size_download} bytes' "$BASE/fmb/api/v1/diagnoses/by-code/F32.1"
    curl -s -o /dev/null -w ', without: %{size_download} bytes\n' "$BASE/fmb/api/v1/diagnoses/by-code/F32.1"
    measure "diagnosis by code (random codes), Accept-Encoding: gzip (the prepared gzip of the snapshot)" \
      -s by-code.lua -H 'Accept-Encoding: gzip' "$BASE"
  fi
done
if wanted sick-leave; then
  measure "sick-leave check (random codes and periods)" -s sick-leave.lua "$BASE"
  curl -s -o /dev/null -w '== one check answers %{http_code}\n' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' "$BASE/fmb/api/v1/sick-leave-checks" \
    -d '{"icd10Codes":["F32.1"],"periods":[{"from":"2026-01-01","to":"2026-03-31","degree":100}]}'
  if [ -n "${CODESERVER_PID:-}" ]; then echo "== \$validate-code calls to the stand-in code server: $(curl -s localhost:18999/calls)"; fi
fi
stop_recording
if wanted collections; then
  for collection in forsakringsmedicinskdiagnosinformation typfall; do
    for encoding in gzip identity; do
      echo "== /fmb/$collection?inlinehtmlmarkup=true, Accept-Encoding: $encoding (20 sequential requests, seconds)"
      for i in $(seq 1 20); do
        curl -s -o /dev/null -H "Accept-Encoding: $encoding" -w '%{time_starttransfer} %{time_total} %{size_download}\n' \
          "$BASE/fmb/$collection?inlinehtmlmarkup=true"
      done | sort -n | awk '{a[NR]=$1; t[NR]=$2; s=$3} END {printf "first byte median %.1f ms, max %.1f ms; total median %.1f ms; %d bytes\n", a[int((NR+1)/2)]*1000, a[NR]*1000, t[int((NR+1)/2)]*1000, s}'
    done
  done
fi

if wanted adherence; then
  FILE=/tmp/fmb-episodes-$EPISODES.csv.gz
  if [ ! -s "$FILE" ]; then
    echo "== generating $EPISODES synthetic episodes into $FILE (deterministic, invented data)"
    "$JAVA" SyntheticEpisodes.java "$EPISODES" codes.txt | gzip > "$FILE.tmp" && mv "$FILE.tmp" "$FILE"
  fi
  POSTMASTER=$(pgrep -f "postgres.*-D ${BENCH_DB_DIR:-/tmp/fmb-bench-db-full}" | head -1 || true)
  peak_mb() { awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$APP_PID/status"; }
  if [ -n "$APP_PID" ]; then
    JVM_BEFORE=$(cpu_seconds "$APP_PID"); PG_BEFORE=$(cpu_seconds "$POSTMASTER"); PEAK_BEFORE=$(peak_mb)
  fi
  echo "== adherence upload of $EPISODES episodes ($(stat -c %s "$FILE") bytes gzip) and analysis"
  curl -s -o /tmp/fmb-bench-upload.json -w 'answer %{http_code} after %{time_total} s\n' \
    -H "Authorization: Bearer $ANALYST_TOKEN" -H 'Content-Type: text/csv' -H 'Content-Encoding: gzip' \
    --data-binary @"$FILE" "$BASE/fmb/api/v1/adherence/uploads"
  head -c 300 /tmp/fmb-bench-upload.json; echo
  if [ -n "$APP_PID" ]; then
    echo "CPU time of the upload: fmb-service $(awk -v a="$(cpu_seconds "$APP_PID")" -v b="$JVM_BEFORE" 'BEGIN {printf "%.1f", a - b}') s," \
      "PostgreSQL $(awk -v a="$(cpu_seconds "$POSTMASTER")" -v b="$PG_BEFORE" 'BEGIN {printf "%.1f", a - b}') s;" \
      "fmb-service peak resident memory $PEAK_BEFORE before the upload (start and content import), $(peak_mb) after"
  fi
  DIAGNOSIS=$(curl -s -H "Authorization: Bearer $ANALYST_TOKEN" "$BASE/fmb/api/v1/adherence/diagnoses" \
    | grep -o '"diagnosisId":[0-9]*' | head -1 | cut -d: -f2)
  for path in "diagnoses" "diagnoses/$DIAGNOSIS/months" "diagnoses/$DIAGNOSIS/regions"; do
    echo "== GET /fmb/api/v1/adherence/$path (what the adherence page reads; 20 sequential requests, seconds)"
    for i in $(seq 1 20); do
      curl -s -o /dev/null -H "Authorization: Bearer $ANALYST_TOKEN" -w '%{time_total} %{size_download} %{http_code}\n' \
        "$BASE/fmb/api/v1/adherence/$path"
    done | sort -n | awk '{t[NR]=$1; s=$2; c=$3} END {printf "median %.1f ms, max %.1f ms; %d bytes, HTTP %s\n", t[int((NR+1)/2)]*1000, t[NR]*1000, s, c}'
  done
fi
