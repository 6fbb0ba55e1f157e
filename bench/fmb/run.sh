#!/usr/bin/env bash
# Benchmarks fmb-service on localhost. Build first: ./mvnw -q -o -pl fmb-service package -DskipTests
# Starts the service on $PORT (default 18081) with its own embedded PostgreSQL, a stand-in JWK set on
# 18998 (so no gateway is needed), runs wrk, prints the figures, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")"
export BENCH_DIR="$PWD"
PORT=${PORT:-18081}
DURATION=${DURATION:-30s}
BASE=http://localhost:$PORT
ROOT=$(cd ../.. && pwd)
PYTHON=${PYTHON:-python3}  # needs PyJWT and cryptography (Debian: python3-jwt)

"$PYTHON" jwks.py serve 18998 /tmp/fmb-bench-key.pem & JWKS_PID=$!
PORT=$PORT EMBEDDED_DB_DIR=/tmp/fmb-bench-db CODESERVER_URL=${CODESERVER_URL:-http://localhost:18999} \
  JWK_SET_URI=http://localhost:18998/jwks java -jar "$ROOT/fmb-service/target/fmb-service.jar" > /tmp/fmb-bench.log 2>&1 &
APP_PID=$!
trap 'kill $APP_PID $JWKS_PID 2>/dev/null || true' EXIT
until curl -sf "$BASE/actuator/health/readiness" > /dev/null; do sleep 2; done
TOKEN=$("$PYTHON" jwks.py token /tmp/fmb-bench-key.pem fmb.read); export TOKEN

echo "== warm-up"
wrk -t2 -c16 -d10s -s by-code.lua "$BASE" > /dev/null
wrk -t2 -c16 -d10s -s sick-leave.lua "$BASE" > /dev/null
for i in $(seq 1 20); do curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$BASE/fmb/typfall?inlinehtmlmarkup=true"; done

echo "== baseline: GET /actuator/health/liveness (what this machine gives a trivial endpoint right now)"
wrk -t2 -c32 -d10s --latency "$BASE/actuator/health/liveness"
echo "== diagnosis by code (random codes)"
wrk -t2 -c32 -d"$DURATION" --latency -s by-code.lua "$BASE"
echo "== sick-leave check (random codes and periods)"
wrk -t2 -c32 -d"$DURATION" --latency -s sick-leave.lua "$BASE"
for collection in forsakringsmedicinskdiagnosinformation typfall; do
  for encoding in gzip identity; do
    echo "== /fmb/$collection?inlinehtmlmarkup=true, Accept-Encoding: $encoding (20 sequential requests, seconds)"
    for i in $(seq 1 20); do
      curl -s -o /dev/null -H "Accept-Encoding: $encoding" -w '%{time_starttransfer} %{time_total} %{size_download}\n' \
        "$BASE/fmb/$collection?inlinehtmlmarkup=true"
    done | sort -n | awk '{a[NR]=$1; t[NR]=$2; s=$3} END {printf "first byte median %.1f ms, max %.1f ms; total median %.1f ms; %d bytes\n", a[int((NR+1)/2)]*1000, a[NR]*1000, t[int((NR+1)/2)]*1000, s}'
  done
done
